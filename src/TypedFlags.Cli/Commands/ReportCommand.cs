using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using TypedFlags.Cli.Report;

namespace TypedFlags.Cli.Commands;

/// <summary>
/// <c>typedflags report [--project DIR] [--format md|json|sarif|github] [--today DATE] [--fail-on stale|expired|unused]</c>:
/// every flag of every flags.yaml under DIR with its status and every reference in the C# and Razor code of the whole
/// tree (a flag declared in a library and read in an app is used). Exit 1 when a flag matches <c>--fail-on</c>.
/// </summary>
internal static class ReportCommand
{
    private static readonly Dictionary<string, Func<ReportDocument, string>> Formats = new(StringComparer.Ordinal)
    {
        ["md"] = MarkdownReport.Write,
        ["json"] = JsonReport.Write,
        ["sarif"] = SarifReport.Write,
        ["github"] = GithubReport.Write,
    };

    /// <summary>Creates the command.</summary>
    public static Command Create(CliConsole console)
    {
        var project = new Option<string>("--project")
        {
            Description = "The directory to report on: every flags.yaml under it, and every .cs, .razor and .cshtml file git would see (bin/, obj/, hidden directories and .gitignore'd files skipped). Default: the current directory.",
            HelpName = "DIR",
            DefaultValueFactory = _ => ".",
        };
        var format = new Option<string>("--format")
        {
            Description = "md (a pull-request comment), json (docs/schemas/report.schema.json), sarif (SARIF 2.1.0 for code scanning) or github (workflow-command annotations). Default: md.",
            HelpName = "FORMAT",
            DefaultValueFactory = _ => "md",
        };
        format.AcceptOnlyFromAmong("md", "json", "sarif", "github");
        var today = TodayOption.Create();
        var failOn = FailOn.Create();

        var command = new Command("report", "Report every flag with its owner, status and days overdue, and every place the code reads it, as Markdown, JSON, SARIF or GitHub annotations.");
        command.Options.Add(project);
        command.Options.Add(format);
        command.Options.Add(today);
        command.Options.Add(failOn);
        command.SetAction(parseResult => Run(
            parseResult.GetValue(project)!,
            parseResult.GetValue(format)!,
            TodayOption.Read(parseResult, today),
            FailOn.Read(parseResult, failOn),
            console));
        return command;
    }

    private static int Run(string project, string format, DateTime today, FailOn.Conditions failOn, CliConsole console)
    {
        if (File.Exists(project) || !Directory.Exists(project))
        {
            console.Error.WriteLine(File.Exists(project)
                ? $"typedflags: --project takes a directory; '{project}' is a file. Pass the directory that holds it."
                : $"typedflags: '{project}' does not exist; --project takes the directory to report on.");
            return ExitCodes.Findings;
        }

        var manifests = ValidManifests.Load(project, console);
        if (manifests is null)
        {
            return ExitCodes.Findings;
        }

        var lookup = ReportBuilder.Lookup(manifests);
        var files = ReportBuilder.Enumerate(project);
        var scan = ScanProgress.Run(files, lookup, console);
        var report = ReportBuilder.Evaluate(project, manifests, today, files.Count, scan);

        foreach (var problem in report.Problems)
        {
            console.Error.WriteLine($"typedflags: {problem.Path}({problem.Line},{problem.Column}): warning: {problem.Message}");
        }

        console.Out.Write(Formats[format](report));

        var failing = failOn.Matching(report);
        if (failing.Count > 0)
        {
            console.Error.WriteLine($"typedflags: {failing.Count} flag(s) match --fail-on {failOn}: {string.Join(", ", failing)}.");
            return ExitCodes.Findings;
        }

        return ExitCodes.Clean;
    }
}
