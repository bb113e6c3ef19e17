using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace TypedFlags.Cli.Cleanup;

/// <summary>
/// A unified diff of two texts (<c>diff -u</c>, <c>git diff</c> format, 3 lines of context) for <c>cleanup --dry-run</c>.
/// Lines are compared and printed with their own line ends (a CRLF file's lines keep their <c>\r</c>), so
/// <c>git apply</c> takes the patch; the patch's own lines end with <c>\n</c>.
/// The edit script is Myers' O(ND) shortest one, the algorithm git uses by default.
/// </summary>
internal static class UnifiedDiff
{
    private const int Context = 3;

    private enum Op
    {
        Same,
        Delete,
        Insert,
    }

    /// <summary>The diff of <paramref name="before"/> and <paramref name="after"/> under the headers <c>a/PATH</c> and <c>b/PATH</c>; empty when they are equal.</summary>
    public static string Write(string path, string before, string after)
    {
        if (string.Equals(before, after, StringComparison.Ordinal))
        {
            return string.Empty;
        }

        var a = Lines(before);
        var b = Lines(after);
        var script = Script(a, b);

        var text = new StringBuilder();
        text.Append("--- a/").Append(path).Append('\n');
        text.Append("+++ b/").Append(path).Append('\n');

        // Group the script into hunks: changes closer than 2 * Context lines share one.
        var i = 0;
        while (i < script.Count)
        {
            if (script[i].Op == Op.Same)
            {
                i++;
                continue;
            }

            var start = Math.Max(0, i - Context);
            var end = i;
            var same = 0;
            for (var j = i; j < script.Count; j++)
            {
                if (script[j].Op == Op.Same)
                {
                    same++;
                    if (same > 2 * Context)
                    {
                        break;
                    }
                }
                else
                {
                    same = 0;
                    end = j;
                }
            }

            var stop = Math.Min(script.Count, end + 1 + Context);
            WriteHunk(text, script, start, stop, a, b);
            i = stop;
        }

        return text.ToString();
    }

    private static void WriteHunk(StringBuilder text, List<(Op Op, int A, int B)> script, int start, int stop, List<string> a, List<string> b)
    {
        int aStart = -1, bStart = -1, aCount = 0, bCount = 0;
        for (var k = start; k < stop; k++)
        {
            var (op, ai, bi) = script[k];
            if (op != Op.Insert)
            {
                if (aStart < 0)
                {
                    aStart = ai;
                }

                aCount++;
            }

            if (op != Op.Delete)
            {
                if (bStart < 0)
                {
                    bStart = bi;
                }

                bCount++;
            }
        }

        // A range of no lines names the line before it (diff -u: "@@ -0,0 +1,2 @@" for lines added to an empty file).
        text.Append("@@ -").Append(Range(aStart < 0 ? script[start].A : aStart + 1, aCount))
            .Append(" +").Append(Range(bStart < 0 ? script[start].B : bStart + 1, bCount)).Append(" @@\n");
        for (var k = start; k < stop; k++)
        {
            var (op, ai, bi) = script[k];
            var line = op == Op.Insert ? b[bi] : a[ai];
            text.Append(op switch { Op.Same => ' ', Op.Delete => '-', _ => '+' }).Append(line.EndsWith("\n", StringComparison.Ordinal) ? line.Substring(0, line.Length - 1) : line).Append('\n');
            if (!line.EndsWith("\n", StringComparison.Ordinal))
            {
                text.Append("\\ No newline at end of file\n");
            }
        }
    }

    private static string Range(int start, int count) =>
        count == 1 ? start.ToString(CultureInfo.InvariantCulture) : string.Format(CultureInfo.InvariantCulture, "{0},{1}", start, count);

    /// <summary>The lines of <paramref name="text"/>, each with its line end (the last may have none).</summary>
    private static List<string> Lines(string text)
    {
        var lines = new List<string>();
        var start = 0;
        while (start < text.Length)
        {
            var newline = text.IndexOf('\n', start);
            var end = newline < 0 ? text.Length : newline + 1;
            lines.Add(text.Substring(start, end - start));
            start = end;
        }

        return lines;
    }

    /// <summary>
    /// The edit script: each entry is an operation with the 0-based line it reads in a (Same, Delete) and in b (Same,
    /// Insert); for an operation that reads no line of one side, the index is the count of that side's lines before it.
    /// </summary>
    private static List<(Op Op, int A, int B)> Script(List<string> a, List<string> b)
    {
        var n = a.Count;
        var m = b.Count;
        var max = n + m;
        var offset = max + 1;
        var v = new int[(2 * max) + 3];
        var trace = new List<int[]>();
        var found = false;
        for (var d = 0; d <= max && !found; d++)
        {
            trace.Add((int[])v.Clone());
            for (var k = -d; k <= d; k += 2)
            {
                var x = k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1]) ? v[offset + k + 1] : v[offset + k - 1] + 1;
                var y = x - k;
                while (x < n && y < m && string.Equals(a[x], b[y], StringComparison.Ordinal))
                {
                    x++;
                    y++;
                }

                v[offset + k] = x;
                if (x >= n && y >= m)
                {
                    found = true;
                    break;
                }
            }
        }

        // Walk back through the saved frontiers from (n, m) to (0, 0).
        var script = new List<(Op, int, int)>();
        int cx = n, cy = m;
        for (var d = trace.Count - 1; d >= 0; d--)
        {
            var frontier = trace[d];
            var k = cx - cy;
            int previousK;
            if (d == 0)
            {
                previousK = 0;
            }
            else
            {
                previousK = k == -d || (k != d && frontier[offset + k - 1] < frontier[offset + k + 1]) ? k + 1 : k - 1;
            }

            var previousX = d == 0 ? 0 : frontier[offset + previousK];
            var previousY = previousX - previousK;
            while (cx > previousX && cy > previousY)
            {
                cx--;
                cy--;
                script.Add((Op.Same, cx, cy));
            }

            if (d > 0)
            {
                if (cx == previousX)
                {
                    script.Add((Op.Insert, cx, previousY));
                }
                else
                {
                    script.Add((Op.Delete, previousX, cy));
                }

                cx = previousX;
                cy = previousY;
            }
        }

        script.Reverse();
        return script;
    }
}
