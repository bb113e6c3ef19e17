using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace TypedFlags.Cli.Scanning;

/// <summary>A source file decoded as strict UTF-8, with line lookups for positions.</summary>
internal sealed class DecodedSource
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly int[] _lineStarts;

    private DecodedSource(string text)
    {
        Text = text;
        var starts = new List<int> { 0 };
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                starts.Add(i + 1);
            }
        }

        _lineStarts = starts.ToArray();
    }

    /// <summary>The decoded text (without a byte order mark).</summary>
    public string Text { get; }

    /// <summary>Decodes <paramref name="bytes"/>; on invalid UTF-8 returns null and says where, like TF0022 does for flags.yaml.</summary>
    public static DecodedSource? Decode(byte[] bytes, out int badLine, out int badColumn, out string? error)
    {
        var start = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0;
        try
        {
            badLine = badColumn = 0;
            error = null;
            return new DecodedSource(StrictUtf8.GetString(bytes, start, bytes.Length - start));
        }
        catch (DecoderFallbackException ex)
        {
            var offset = start + Math.Max(0, ex.Index);
            badLine = 1;
            var lineStart = 0;
            for (var i = 0; i < offset && i < bytes.Length; i++)
            {
                if (bytes[i] == '\n')
                {
                    badLine++;
                    lineStart = i + 1;
                }
            }

            badColumn = offset - lineStart + 1;
            var bad = offset < bytes.Length ? bytes[offset] : (byte)0;
            error = string.Format(CultureInfo.InvariantCulture, "not valid UTF-8 (byte 0x{0:X2} at offset {1}); file skipped, save it as UTF-8", bad, offset);
            return null;
        }
    }

    /// <summary>Decodes text already in memory (tests, benchmarks).</summary>
    public static DecodedSource FromString(string text) => new(text);

    /// <summary>The 1-based line and column of a character offset.</summary>
    public (int Line, int Column) Position(int offset)
    {
        var index = Array.BinarySearch(_lineStarts, offset);
        if (index < 0)
        {
            index = ~index - 1;
        }

        return (index + 1, offset - _lineStarts[index] + 1);
    }

    /// <summary>The text of a 1-based line, trimmed, at most 200 characters (a minified line must not flood a report).</summary>
    public string LineText(int line)
    {
        var start = _lineStarts[line - 1];
        var end = line < _lineStarts.Length ? _lineStarts[line] : Text.Length;
        var text = Text.Substring(start, end - start).Trim();
        return text.Length <= 200 ? text : text.Substring(0, 199) + "…";
    }
}
