using System;
using System.Collections.Generic;

namespace TypedFlags.Manifest.Naming;

/// <summary>"Did you mean" suggestions by edit distance; the analyzers' unknown-key fix uses the same ranking.</summary>
/// <remarks>
/// The runtime compiles this file too (as an internal type) for its warning about overrides of undeclared keys: it
/// cannot reference this library, which ships only under analyzers/, and one ranking must not become two.
/// </remarks>
#if TYPEDFLAGS_RUNTIME
internal
#else
public
#endif
static class Suggestions
{
    /// <summary>
    /// The candidate closest to <paramref name="input"/> (case-insensitive Levenshtein distance), or null
    /// when none is close enough to be a plausible typo (distance at most a third of the longer name, min 2).
    /// </summary>
    public static string? Closest(string input, IEnumerable<string> candidates)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in candidates)
        {
            var distance = Distance(input, candidate);
            var limit = Math.Max(2, Math.Max(input.Length, candidate.Length) / 3);
            if (distance <= limit && (distance < bestDistance || (distance == bestDistance && string.CompareOrdinal(candidate, best) < 0)))
            {
                best = candidate;
                bestDistance = distance;
            }
        }

        return best;
    }

    /// <summary><c>"; did you mean 'x'?"</c> or an empty string.</summary>
    public static string DidYouMean(string input, IEnumerable<string> candidates)
    {
        var closest = Closest(input, candidates);
        return closest is null ? string.Empty : $"; did you mean '{closest}'?";
    }

    /// <summary>Case-insensitive Levenshtein distance (O(n·m) time, O(m) memory).</summary>
    public static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            var ca = char.ToLowerInvariant(a[i - 1]);
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = ca == char.ToLowerInvariant(b[j - 1]) ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
