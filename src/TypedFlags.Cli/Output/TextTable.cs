using System;
using System.Collections.Generic;
using System.Linq;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace TypedFlags.Cli.Output;

/// <summary>
/// Prints a table: a Spectre.Console table on an interactive terminal, aligned plain text otherwise (pipes, files,
/// <c>NO_COLOR</c>, tests), so scripts and golden files never see escape codes or box characters.
/// </summary>
internal static class TextTable
{
    /// <summary>Writes <paramref name="rows"/> (one cell per header) under <paramref name="headers"/>.</summary>
    public static void Write(CliConsole console, IReadOnlyList<string> headers, IReadOnlyList<IReadOnlyList<string>> rows)
    {
        if (console.Rich)
        {
            WriteRich(console, headers, rows);
        }
        else
        {
            WritePlain(console, headers, rows);
        }
    }

    private static void WriteRich(CliConsole console, IReadOnlyList<string> headers, IReadOnlyList<IReadOnlyList<string>> rows)
    {
        var ansi = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(console.Out) });

        // Spectre fits a table to the terminal by wrapping cells, which breaks keys and variable names into pieces
        // that cannot be copied; the table keeps its natural width instead, and a narrow terminal wraps whole lines,
        // as it does the plain text.
        var natural = Widths(headers, rows).Sum() + (3 * headers.Count) + 1;
        ansi.Profile.Width = Math.Max(ansi.Profile.Width, natural);

        var table = new Table().Border(TableBorder.Rounded);
        foreach (var header in headers)
        {
            table.AddColumn(new TableColumn(new Text(header, new Style(decoration: Decoration.Bold))).NoWrap());
        }

        foreach (var row in rows)
        {
            // Text, not markup: a description with [brackets] is data, not a style.
            table.AddRow(row.Select(cell => (IRenderable)new Text(cell)));
        }

        ansi.Write(table);
    }

    private static int[] Widths(IReadOnlyList<string> headers, IReadOnlyList<IReadOnlyList<string>> rows)
    {
        var widths = new int[headers.Count];
        for (var i = 0; i < headers.Count; i++)
        {
            widths[i] = headers[i].Length;
            foreach (var row in rows)
            {
                widths[i] = Math.Max(widths[i], row[i].Length);
            }
        }

        return widths;
    }

    private static void WritePlain(CliConsole console, IReadOnlyList<string> headers, IReadOnlyList<IReadOnlyList<string>> rows)
    {
        var widths = Widths(headers, rows);
        WriteLine(console, headers, widths);
        WriteLine(console, widths.Select(width => new string('-', width)).ToArray(), widths);
        foreach (var row in rows)
        {
            WriteLine(console, row, widths);
        }
    }

    private static void WriteLine(CliConsole console, IReadOnlyList<string> cells, int[] widths)
    {
        var parts = new string[cells.Count];
        for (var i = 0; i < cells.Count; i++)
        {
            parts[i] = i == cells.Count - 1 ? cells[i] : cells[i].PadRight(widths[i]);
        }

        console.Out.WriteLine(string.Join("  ", parts).TrimEnd());
    }
}
