using System;
using System.Collections.Generic;

namespace TypedFlags.Manifest.Diagnostics;

/// <summary>
/// Maps character offsets to 1-based lines and columns, with <c>\r\n</c>, <c>\r</c> and <c>\n</c> as line breaks
/// (what editors use). Parser marks are only trusted for their offset: a location derived here is always
/// inside the text, even for errors reported at the end of the stream.
/// </summary>
public sealed class LineMap
{
    private readonly int[] _lineStarts;
    private readonly int _length;

    /// <summary>Indexes the line starts of <paramref name="text"/>.</summary>
    public LineMap(string text)
    {
        var starts = new List<int> { 0 };
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                i++;
            }

            if (c is '\r' or '\n')
            {
                starts.Add(i + 1);
            }
        }

        _lineStarts = starts.ToArray();
        _length = text.Length;
    }

    /// <summary>Number of lines (a final line break starts an empty last line).</summary>
    public int LineCount => _lineStarts.Length;

    /// <summary>The 1-based line and column of <paramref name="offset"/> (clamped into the text).</summary>
    public (int Line, int Column) Position(int offset)
    {
        offset = Math.Max(0, Math.Min(offset, _length));
        var line = Array.BinarySearch(_lineStarts, offset);
        if (line < 0)
        {
            line = ~line - 1;
        }

        return (line + 1, offset - _lineStarts[line] + 1);
    }

    /// <summary>A span from <paramref name="start"/> to <paramref name="end"/> (offsets into the mapped text), shifted by <paramref name="shift"/> characters in the original file.</summary>
    public SourceSpan Span(long start, long end, int shift = 0)
    {
        var from = (int)Math.Max(0, Math.Min(start, _length));
        var to = (int)Math.Max(from, Math.Min(end, _length));
        var (startLine, startColumn) = Position(from);
        var (endLine, endColumn) = Position(to);
        return new SourceSpan(from + shift, to - from, startLine, startColumn, endLine, endColumn);
    }
}
