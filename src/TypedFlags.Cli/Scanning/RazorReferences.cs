using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;
using TypedFlags.Manifest.Naming;

namespace TypedFlags.Cli.Scanning;

/// <summary>
/// Finds flag references in a Razor view or component (.cshtml, .razor) from its text: Razor mixes markup and C#, and
/// compiling it needs the Razor SDK, so the report reads what a reviewer reads. A reference is an accessor name after a
/// dot (<c>Model.ReportsBetaBanner</c>, <c>Flags.JobsSchedulingV2</c>; <c>Keys.X</c> is a key constant) or a quoted
/// string equal to a declared key (<c>&lt;feature name="x"&gt;</c>, <c>IsEnabledAsync("x")</c>). Razor comments
/// (<c>@* *@</c>) and HTML comments are skipped.
/// </summary>
internal static class RazorReferences
{
    private static readonly Regex Comments = new(@"@\*.*?\*@|<!--.*?-->", RegexOptions.Singleline | RegexOptions.CultureInvariant);

    private static readonly Regex Candidates = new(
        @"\.\s*(?<name>[A-Za-z_][A-Za-z0-9_]*)|(?<quote>[""'])(?<text>[A-Za-z][A-Za-z0-9._-]*)\k<quote>",
        RegexOptions.CultureInvariant);

    // <feature name="a, b">: Microsoft.FeatureManagement's tag helper takes a comma-separated list of feature names,
    // each a key or a flag's hash_name (which may have spaces: "Feature With Space").
    private static readonly Regex FeatureTags = new(
        @"<feature\b[^>]*?\bname\s*=\s*(?<quote>[""'])(?<list>[^""']*)\k<quote>",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    /// <summary>Appends the references in <paramref name="text"/> to <paramref name="found"/>.</summary>
    public static void Find(DecodedSource text, string path, FlagLookup flags, List<FlagReference> found)
    {
        // Comments become spaces of the same length, so offsets (and lines, columns) stay those of the file.
        var code = Comments.Replace(text.Text, match => Blank(match.Value));
        foreach (Match match in Candidates.Matches(code))
        {
            var name = match.Groups["name"];
            if (name.Success)
            {
                if (flags.ByAccessor(name.Value) is { } keys)
                {
                    var kind = AfterKeysClass(code, match.Index) ? ReferenceKind.KeyConstant : ReferenceKind.Accessor;
                    foreach (var key in keys)
                    {
                        Add(key, name.Index, kind);
                    }
                }

                continue;
            }

            var quoted = match.Groups["text"];
            if (FlagNaming.IsValidKey(quoted.Value) && flags.ByKey(quoted.Value) is { } declared)
            {
                foreach (var key in declared)
                {
                    Add(key, match.Index, ReferenceKind.KeyString);
                }
            }
        }

        foreach (Match tag in FeatureTags.Matches(code))
        {
            var list = tag.Groups["list"];
            var offset = 0;
            foreach (var part in list.Value.Split(','))
            {
                var name = part.Trim();
                var position = list.Index + offset + (name.Length == 0 ? 0 : part.IndexOf(name, StringComparison.Ordinal));
                offset += part.Length + 1;

                // A whole attribute value that is a key was found above, at its opening quote.
                if (name.Length == 0 || (name == list.Value && FlagNaming.IsValidKey(name) && flags.ByKey(name) is not null))
                {
                    continue;
                }

                if (flags.ByName(name) is { } named)
                {
                    foreach (var key in named)
                    {
                        Add(key, position, ReferenceKind.KeyString);
                    }
                }
            }
        }

        void Add(string key, int position, ReferenceKind kind)
        {
            var (line, column) = text.Position(position);
            found.Add(new FlagReference(key, path, line, column, kind, text.LineText(line)));
        }
    }

    /// <summary>True when the dot at <paramref name="dot"/> follows the generated <c>Keys</c> class name (<c>AppFlags.Keys.X</c>).</summary>
    private static bool AfterKeysClass(string code, int dot)
    {
        var end = dot;
        while (end > 0 && char.IsWhiteSpace(code[end - 1]))
        {
            end--;
        }

        var start = end - GeneratedNames.KeysClass.Length;
        return start >= 0
            && string.CompareOrdinal(code, start, GeneratedNames.KeysClass, 0, GeneratedNames.KeysClass.Length) == 0
            && (start == 0 || !(char.IsLetterOrDigit(code[start - 1]) || code[start - 1] == '_'));
    }

    private static string Blank(string comment)
    {
        var chars = comment.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (chars[i] is not '\n' and not '\r')
            {
                chars[i] = ' ';
            }
        }

        return new string(chars);
    }
}
