using System;
using System.Collections.Generic;
using TypedFlags.Manifest.Model;

namespace TypedFlags.Manifest.Staleness;

/// <summary>
/// Which flags name another one in <c>requires</c>. A prerequisite is a use of the flag it names: the runtime evaluates
/// it for every evaluation of the dependent flag, so deleting it would break the dependent's declaration (TF0009,
/// unknown prerequisite). TF1104, its code fix and the CLI's cleanup all ask here before calling a flag unused.
/// </summary>
public static class FlagPrerequisites
{
    /// <summary>The keys of the flags among <paramref name="flags"/> that require <paramref name="key"/>, in declaration order.</summary>
    /// <param name="flags">The flags of one manifest (requires only names flags of the same manifest).</param>
    /// <param name="key">The prerequisite's key; compared case-insensitively, like every key.</param>
    public static IReadOnlyList<string> DependentsOf(IEnumerable<FlagModel> flags, string key)
    {
        if (flags is null)
        {
            throw new ArgumentNullException(nameof(flags));
        }

        if (key is null)
        {
            throw new ArgumentNullException(nameof(key));
        }

        List<string>? dependents = null;
        foreach (var flag in flags)
        {
            if (flag.Key.Equals(key, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            foreach (var required in flag.Requires)
            {
                if (required.Equals(key, StringComparison.OrdinalIgnoreCase))
                {
                    (dependents ??= new List<string>()).Add(flag.Key);
                    break;
                }
            }
        }

        return dependents ?? (IReadOnlyList<string>)Array.Empty<string>();
    }

    /// <summary>Every key some flag among <paramref name="flags"/> requires (case-insensitive set).</summary>
    public static HashSet<string> RequiredKeys(IEnumerable<FlagModel> flags)
    {
        if (flags is null)
        {
            throw new ArgumentNullException(nameof(flags));
        }

        var required = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var flag in flags)
        {
            foreach (var key in flag.Requires)
            {
                if (!key.Equals(flag.Key, StringComparison.OrdinalIgnoreCase))
                {
                    required.Add(key);
                }
            }
        }

        return required;
    }
}
