using System;

namespace TypedFlags.Manifest.Editing;

/// <summary>
/// Deletes one flag's entry from the text of a flags.yaml, line by line, leaving every other byte as it was (comments,
/// quoting, line endings). The IDE code fix for an unreferenced flag and the CLI's cleanup share it.
/// </summary>
/// <remarks>
/// The entry is the key's line, the lines below it indented deeper (blank and comment lines among them), and the
/// comment lines directly above it at the key's indentation. A key written in flow style (<c>{ a: …, b: … }</c>) or
/// sharing its line with other content is not removed.
/// </remarks>
public static class FlagEntryRemoval
{
    /// <summary>The text without the entry whose key starts at <paramref name="keyOffset"/>, or null when it cannot be removed line by line.</summary>
    /// <param name="text">The flags.yaml text.</param>
    /// <param name="keyOffset">0-based offset of the flag's key, as in the diagnostics' spans.</param>
    public static string? Remove(string text, int keyOffset)
    {
        if (text is null)
        {
            throw new ArgumentNullException(nameof(text));
        }

        if (keyOffset < 0 || keyOffset >= text.Length)
        {
            return null;
        }

        var keyLine = LineStart(text, keyOffset);
        var indent = keyOffset - keyLine;
        if (indent == 0 || !IsSpaces(text, keyLine, keyOffset))
        {
            // At column 1 it would be a top-level field, not a flag; after other text it is flow style.
            return null;
        }

        // Comment lines right above the key, at its indentation, describe the flag and go with it.
        var start = keyLine;
        while (start > 0)
        {
            var previous = LineStart(text, start - 1);
            if (Indentation(text, previous) != indent || text[previous + indent] != '#')
            {
                break;
            }

            start = previous;
        }

        // The entry's body: lines indented deeper than the key, and blank lines between them.
        var end = NextLine(text, keyLine);
        var scan = end;
        while (scan < text.Length)
        {
            var blank = IsBlank(text, scan);
            if (!blank && Indentation(text, scan) <= indent)
            {
                break;
            }

            scan = NextLine(text, scan);
            if (!blank)
            {
                end = scan;
            }
        }

        // Blank lines that separated the entry from the next one: keep one separation, not two.
        var parentLine = start > 0 ? LineStart(text, start - 1) : -1;
        var afterBlank = parentLine >= 0 && IsBlank(text, parentLine);
        var atTop = parentLine < 0 || (!afterBlank && Indentation(text, parentLine) < indent);
        if (afterBlank || atTop)
        {
            while (end < text.Length && IsBlank(text, end))
            {
                end = NextLine(text, end);
            }
        }

        var rest = text.Substring(end);
        var parent = PreviousContentLine(text, start);
        if (parent >= 0 && Indentation(text, parent) < indent && (end >= text.Length || Indentation(text, end) < indent)
            && MappingColon(text, parent) is { } colon)
        {
            // The last flag went: "flags:" alone would be null, so the mapping is written out empty.
            return text.Substring(0, colon + 1) + " {}" + text.Substring(colon + 1, start - colon - 1) + rest;
        }

        return text.Substring(0, start) + rest;
    }

    /// <summary>The start of the nearest line above <paramref name="lineStart"/> that is not blank or a comment, or -1.</summary>
    private static int PreviousContentLine(string text, int lineStart)
    {
        while (lineStart > 0)
        {
            lineStart = LineStart(text, lineStart - 1);
            var first = lineStart + Indentation(text, lineStart);
            if (!IsBlank(text, lineStart) && text[first] != '#')
            {
                return lineStart;
            }
        }

        return -1;
    }

    /// <summary>The offset of the ':' that ends a "key:" line (before any comment), or null for any other line.</summary>
    private static int? MappingColon(string text, int lineStart)
    {
        var lineEnd = text.IndexOf('\n', lineStart);
        var line = text.Substring(lineStart, (lineEnd < 0 ? text.Length : lineEnd) - lineStart).TrimEnd('\r');
        var comment = line.IndexOf(" #", StringComparison.Ordinal);
        var content = (comment >= 0 ? line.Substring(0, comment) : line).TrimEnd();
        return content.EndsWith(":", StringComparison.Ordinal) ? lineStart + content.Length - 1 : null;
    }

    private static int LineStart(string text, int offset)
    {
        var newline = offset > 0 ? text.LastIndexOf('\n', offset - 1) : -1;
        return newline + 1;
    }

    /// <summary>The start of the line after the one starting at <paramref name="lineStart"/>, or the text's length.</summary>
    private static int NextLine(string text, int lineStart)
    {
        var newline = text.IndexOf('\n', lineStart);
        return newline < 0 ? text.Length : newline + 1;
    }

    private static int Indentation(string text, int lineStart)
    {
        var i = lineStart;
        while (i < text.Length && text[i] == ' ')
        {
            i++;
        }

        return i - lineStart;
    }

    private static bool IsSpaces(string text, int from, int to)
    {
        for (var i = from; i < to; i++)
        {
            if (text[i] != ' ')
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsBlank(string text, int lineStart)
    {
        for (var i = lineStart; i < text.Length && text[i] != '\n'; i++)
        {
            if (text[i] is not (' ' or '\t' or '\r'))
            {
                return false;
            }
        }

        return true;
    }
}
