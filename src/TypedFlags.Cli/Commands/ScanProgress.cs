using System.Collections.Generic;
using Spectre.Console;
using TypedFlags.Cli.Report;
using TypedFlags.Cli.Scanning;

namespace TypedFlags.Cli.Commands;

/// <summary>
/// Runs the reference scan, with a Spectre.Console progress bar on standard error when the scan is long
/// (<see cref="MinimumFiles"/> files or more) and standard error is an interactive terminal without NO_COLOR
/// (<see cref="CliConsole.ErrorRich"/>). Redirected, piped, in CI or under test: nothing is drawn.
/// </summary>
internal static class ScanProgress
{
    /// <summary>Below this many files a scan takes well under a second: no progress display.</summary>
    public const int MinimumFiles = 200;

    /// <summary>Scans <paramref name="files"/>.</summary>
    public static ScanResult Run(IReadOnlyList<SourceFile> files, FlagLookup lookup, CliConsole console)
    {
        if (!console.ErrorRich || files.Count < MinimumFiles)
        {
            return ReportBuilder.Scan(files, lookup);
        }

        // The caller already decided the stream is an interactive terminal (CliConsole.ErrorRich); Spectre would ask the
        // writer, which it cannot see through.
        var terminal = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(console.Error),
            Interactive = InteractionSupport.Yes,
            Ansi = AnsiSupport.Detect,
        });
        ScanResult? result = null;
        terminal.Progress().AutoClear(true).Start(context =>
        {
            var task = context.AddTask($"Scanning {files.Count} files", maxValue: files.Count);

            // The scan reports from several threads; ProgressTask.Increment takes its own lock.
            result = ReportBuilder.Scan(files, lookup, () => task.Increment(1));
        });
        return result!;
    }
}
