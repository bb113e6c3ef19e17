using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using TypedFlags.Cli;
using TypedFlags.Cli.Report;
using TypedFlags.ReportBenchmark;

// Generates the repository, checks the report finds what was written, then times each phase of `typedflags report`
// (the first run is cold: JIT and file cache included) and a whole fresh `typedflags report` process.
// Optional: a second argument keeps the generated repository in that directory (to run the tool on it by hand).
var keep = args.Length > 1 ? Path.GetFullPath(args[1]) : null;
var root = keep ?? Path.Combine(Path.GetTempPath(), "typedflags-report-bench-" + Guid.NewGuid().ToString("N"));
Directory.CreateDirectory(root);
try
{
    SyntheticRepository.Write(root);
    var runs = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 5;
    var phases = new[] { "load flags.yaml", "enumerate", "parse/scan", "evaluate", "render md", "render json", "render sarif", "render github" };
    var times = phases.ToDictionary(p => p, _ => new List<double>());

    for (var run = 0; run < runs; run++)
    {
        var clock = Stopwatch.StartNew();
        double Lap()
        {
            var elapsed = clock.Elapsed.TotalMilliseconds;
            clock.Restart();
            return elapsed;
        }

        var manifests = ManifestInputs.Load(root, Console.Error) ?? throw new InvalidOperationException("no manifests");
        var lookup = ReportBuilder.Lookup(manifests);
        times["load flags.yaml"].Add(Lap());
        var files = ReportBuilder.Enumerate(root);
        times["enumerate"].Add(Lap());
        var scan = ReportBuilder.Scan(files, lookup);
        times["parse/scan"].Add(Lap());
        var report = ReportBuilder.Evaluate(root, manifests, new DateTime(2026, 12, 1), files.Count, scan);
        times["evaluate"].Add(Lap());
        var sizes = new[]
        {
            (phase: "render md", text: MarkdownReport.Write(report), lap: Lap()),
            (phase: "render json", text: JsonReport.Write(report), lap: Lap()),
            (phase: "render sarif", text: SarifReport.Write(report), lap: Lap()),
            (phase: "render github", text: GithubReport.Write(report), lap: Lap()),
        };

        // Each render's own time is the lap taken right after it.
        foreach (var (phase, _, lap) in sizes)
        {
            times[phase].Add(lap);
        }

        if (run == 0)
        {
            var expected = SyntheticRepository.Files * SyntheticRepository.ReferencesPerFile;
            if (files.Count != SyntheticRepository.Files || report.Summary.References != expected || scan.Problems.Count != 0)
            {
                throw new InvalidOperationException($"expected {SyntheticRepository.Files} files and {expected} references, found {files.Count} and {report.Summary.References} ({scan.Problems.Count} problems)");
            }

            Console.WriteLine($"Repository: {files.Count} C# files, {report.Summary.Flags} flags in {report.Summary.Manifests} flags.yaml, {report.Summary.References} references; " +
                $"md {sizes[0].text.Length / 1024} KB, json {sizes[1].text.Length / 1024} KB, sarif {sizes[2].text.Length / 1024} KB; {Environment.ProcessorCount} cores.");
        }
    }

    Console.WriteLine();
    Console.WriteLine("| Phase | Cold (run 1) | Warm median (runs 2-" + runs + ") |");
    Console.WriteLine("| --- | ---: | ---: |");
    foreach (var phase in phases)
    {
        var warm = times[phase].Skip(1).OrderBy(t => t).ToList();
        Console.WriteLine($"| {phase} | {times[phase][0]:0} ms | {(warm.Count > 0 ? warm[warm.Count / 2] : double.NaN):0} ms |");
    }

    Console.WriteLine($"| total (md) | {times.Where(t => !t.Key.StartsWith("render", StringComparison.Ordinal) || t.Key == "render md").Sum(t => t.Value[0]):0} ms | |");

    // The whole command as a user runs it: a new process, JIT and all.
    var cli = Path.Combine(AppContext.BaseDirectory, "TypedFlags.Cli.dll");
    foreach (var format in new[] { "md", "sarif" })
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { cli, "report", "--project", root, "--format", format, "--today", "2026-12-01" })
        {
            start.ArgumentList.Add(arg);
        }

        var process = Stopwatch.StartNew();
        using var child = Process.Start(start)!;
        var output = child.StandardOutput.ReadToEndAsync();
        var error = child.StandardError.ReadToEndAsync();
        child.WaitForExit();
        Console.WriteLine($"fresh process `typedflags report --format {format}`: {process.Elapsed.TotalMilliseconds:0} ms, exit {child.ExitCode}, {output.Result.Length / 1024} KB out, {error.Result.Length} chars on stderr");
    }
}
finally
{
    if (keep is null)
    {
        Directory.Delete(root, recursive: true);
    }
}
