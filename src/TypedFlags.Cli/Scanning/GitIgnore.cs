using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Text.RegularExpressions;

namespace TypedFlags.Cli.Scanning;

/// <summary>
/// The patterns of one .gitignore file, matched the way git does (gitignore(5)) without git: comments and blank lines,
/// <c>\</c> escapes, trailing spaces, <c>!</c> negation, a trailing <c>/</c> for directories only, a slash at the start
/// or in the middle anchoring the pattern to the file's directory, <c>*</c>, <c>?</c>, <c>[a-z]</c> and <c>**</c>.
/// Paths are compared case-sensitively (git's default on Linux and in CI).
/// </summary>
internal sealed class GitIgnore
{
    private readonly IReadOnlyList<Rule> _rules;

    private GitIgnore(IReadOnlyList<Rule> rules) => _rules = rules;

    /// <summary>True when the file has no pattern (only comments and blank lines).</summary>
    public bool IsEmpty => _rules.Count == 0;

    /// <summary>Reads a .gitignore file; an unreadable file has no patterns (git ignores it too).</summary>
    public static GitIgnore Load(string path)
    {
        try
        {
            return Parse(File.ReadAllText(path));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return new GitIgnore(Array.Empty<Rule>());
        }
    }

    /// <summary>Parses the text of a .gitignore file.</summary>
    public static GitIgnore Parse(string text)
    {
        var rules = new List<Rule>();
        foreach (var rawLine in text.Split('\n'))
        {
            if (ParseLine(rawLine.TrimEnd('\r')) is { } rule)
            {
                rules.Add(rule);
            }
        }

        return new GitIgnore(rules);
    }

    /// <summary>
    /// What this file says about <paramref name="relativePath"/> ('/'-separated, relative to the .gitignore's
    /// directory): true ignored, false re-included by a <c>!</c> pattern, null when no pattern matches. The last
    /// matching pattern decides, as in git.
    /// </summary>
    public bool? Match(string relativePath, bool isDirectory)
    {
        for (var i = _rules.Count - 1; i >= 0; i--)
        {
            var rule = _rules[i];
            if (rule.DirectoryOnly && !isDirectory)
            {
                continue;
            }

            if (rule.Pattern.IsMatch(relativePath))
            {
                return !rule.Negated;
            }
        }

        return null;
    }

    private static Rule? ParseLine(string line)
    {
        if (line.Length == 0 || line[0] == '#')
        {
            return null;
        }

        // Trailing spaces are dropped unless escaped with a backslash.
        var end = line.Length;
        while (end > 0 && line[end - 1] == ' ' && !(end > 1 && line[end - 2] == '\\'))
        {
            end--;
        }

        line = line.Substring(0, end);
        var negated = false;
        if (line.StartsWith("!", StringComparison.Ordinal))
        {
            negated = true;
            line = line.Substring(1);
        }
        else if (line.StartsWith("\\!", StringComparison.Ordinal) || line.StartsWith("\\#", StringComparison.Ordinal))
        {
            line = line.Substring(1);
        }

        var directoryOnly = false;
        if (line.EndsWith("/", StringComparison.Ordinal))
        {
            directoryOnly = true;
            line = line.TrimEnd('/');
        }

        if (line.Length == 0)
        {
            return null;
        }

        // A slash at the start or in the middle anchors the pattern to the .gitignore's directory; without one it
        // matches a name at any depth below it.
        var anchored = line.IndexOf('/') >= 0;
        if (line.StartsWith("/", StringComparison.Ordinal))
        {
            line = line.Substring(1);
        }

        var regex = new StringBuilder("^");
        if (!anchored)
        {
            regex.Append("(?:.*/)?");
        }

        AppendGlob(line, regex);
        regex.Append('$');
        return new Rule(new Regex(regex.ToString(), RegexOptions.CultureInvariant | RegexOptions.Singleline), negated, directoryOnly);
    }

    private static void AppendGlob(string glob, StringBuilder regex)
    {
        var segments = glob.Split('/');
        for (var s = 0; s < segments.Length; s++)
        {
            var segment = segments[s];
            var last = s == segments.Length - 1;
            if (segment == "**")
            {
                // "**/" at the start or in the middle: zero or more directories; "/**" at the end: everything inside.
                regex.Append(last ? (s == 0 ? ".*" : ".+") : "(?:[^/]+/)*");
                continue;
            }

            AppendSegment(segment, regex);
            if (!last)
            {
                regex.Append('/');
            }
        }
    }

    private static void AppendSegment(string segment, StringBuilder regex)
    {
        for (var i = 0; i < segment.Length; i++)
        {
            var c = segment[i];
            switch (c)
            {
                case '\\' when i + 1 < segment.Length:
                    regex.Append(Regex.Escape(segment[++i].ToString()));
                    break;
                case '*':
                    // Two stars inside a segment ("a**b") are ordinary stars.
                    regex.Append("[^/]*");
                    break;
                case '?':
                    regex.Append("[^/]");
                    break;
                case '[':
                    var close = ClassEnd(segment, i);
                    if (close < 0)
                    {
                        regex.Append("\\[");
                        break;
                    }

                    regex.Append('[');
                    var j = i + 1;
                    if (segment[j] is '!' or '^')
                    {
                        regex.Append('^');
                        j++;
                    }

                    for (; j < close; j++)
                    {
                        var member = segment[j];
                        if (member == '\\' && j + 1 < close)
                        {
                            member = segment[++j];
                            regex.Append('\\').Append(member);
                        }
                        else
                        {
                            regex.Append(member is '[' or ']' or '^' ? "\\" + member : member.ToString());
                        }
                    }

                    regex.Append(']');
                    i = close;
                    break;
                default:
                    regex.Append(Regex.Escape(c.ToString()));
                    break;
            }
        }
    }

    /// <summary>The index of the ']' closing the class opened at <paramref name="open"/>, or -1 when it is not a class.</summary>
    private static int ClassEnd(string segment, int open)
    {
        var j = open + 1;
        if (j < segment.Length && segment[j] is '!' or '^')
        {
            j++;
        }

        // A ']' right after the opening bracket is a member, not the end.
        if (j < segment.Length && segment[j] == ']')
        {
            j++;
        }

        for (; j < segment.Length; j++)
        {
            if (segment[j] == '\\')
            {
                j++;
            }
            else if (segment[j] == ']')
            {
                return j;
            }
        }

        return -1;
    }

    private sealed record Rule(Regex Pattern, bool Negated, bool DirectoryOnly);
}
