using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis.Text;
using TypedFlags.Cli.Scanning;

namespace TypedFlags.Cli.Cleanup;

/// <summary>
/// Uses of flags in Razor files (<c>.cshtml</c>, <c>.razor</c>): the engine rewrites C# syntax trees, and a Razor file
/// is markup with C# inside, so these are never rewritten. Each accessor name (a whole word) and each quoted key is
/// listed, and the flag keeps its declaration: the generated Razor code would not compile without it.
/// </summary>
internal static class RazorUses
{
    /// <summary>The extensions of Razor files.</summary>
    public static readonly string[] Extensions = { ".cshtml", ".razor" };

    /// <summary>Whether <paramref name="file"/> is a Razor file.</summary>
    public static bool IsRazor(SourceFile file) =>
        Array.Exists(Extensions, extension => file.RelativePath.EndsWith(extension, StringComparison.OrdinalIgnoreCase));

    /// <summary>What a use in a Razor file is left for.</summary>
    public const string Reason = "a Razor file: the cleanup rewrites C# files only; rewrite it by hand";

    /// <summary>Every use of <paramref name="targets"/> in <paramref name="text"/> (whole-word accessor names, quoted keys), in text order.</summary>
    public static IReadOnlyList<LeftUse> Find(SourceFile file, string text, IEnumerable<CleanupTarget> targets, string reason = Reason)
    {
        var found = new SortedDictionary<int, LeftUse>();
        var lines = SourceText.From(text).Lines;
        foreach (var target in targets)
        {
            var accessor = new Regex(@"(?<![\p{L}\p{Nd}_])" + Regex.Escape(target.Flag.AccessorName) + @"(?![\p{L}\p{Nd}_])", RegexOptions.CultureInvariant);
            var key = new Regex("[\"']" + Regex.Escape(target.Key) + "[\"']", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);
            foreach (var regex in new[] { accessor, key })
            {
                foreach (Match match in regex.Matches(text))
                {
                    var position = lines.GetLinePosition(match.Index);
                    found[match.Index] = new LeftUse(
                        target.Key,
                        file.RelativePath,
                        position.Line + 1,
                        position.Character + 1,
                        lines[position.Line].ToString().Trim(),
                        reason);
                }
            }
        }

        return new List<LeftUse>(found.Values);
    }
}
