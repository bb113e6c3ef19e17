using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using TypedFlags.Cli.Commands;
using TypedFlags.Cli.Scanning;

namespace TypedFlags.Cli.Cleanup;

/// <summary>
/// <c>typedflags cleanup KEY [--value V] [--remove-declaration] [--dry-run]</c> and <c>typedflags cleanup --stale</c>:
/// the code fix's rewrite (<see cref="SourceCleanup"/>) over every C# file of a project tree, then, when asked, the
/// flags.yaml entry (<see cref="Declarations"/>). A file the cleanup does not change is never opened for writing.
/// </summary>
/// <remarks>
/// Exit codes: 0 when everything asked for is done (or there was nothing to do); 1 when something is left for a person
/// (a stale flag whose final value flags.yaml does not decide, a use the cleanup cannot rewrite, a declaration kept) or
/// on an error; 2 for a bad command line, an unknown <c>--value</c> or a KEY whose final value needs <c>--value</c>.
/// <c>--dry-run</c> returns what the run would return.
/// </remarks>
internal static class CleanupCommand
{
    private static readonly string[] SourceExtensions = { ".cs", ".cshtml", ".razor" };

    /// <summary>Creates the command.</summary>
    public static Command Create(CliConsole console)
    {
        var key = new Argument<string?>("KEY")
        {
            Description = "The flag to remove from the code. Its reads become --value, or the final value flags.yaml decides.",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var value = new Option<string?>("--value")
        {
            Description = "The value KEY's reads become, parsed with its type (bool: true or false; int, double, string; a variant's name). Required when flags.yaml does not decide it.",
            HelpName = "V",
        };
        var stale = new Option<bool>("--stale") { Description = "Remove every stale flag (expired or launched, as TF1101/TF1102) whose final value flags.yaml decides; list the others." };
        var removeDeclaration = new Option<bool>("--remove-declaration") { Description = "Also delete the flag's entry from flags.yaml, unless code still uses it or another flag requires it." };
        var dryRun = new Option<bool>("--dry-run") { Description = "Print the changes as a unified diff (git apply accepts it) and write nothing." };
        var project = new Option<string?>("--project")
        {
            Description = "The directory to clean up: its flags.yaml files and C# files (bin/, obj/, hidden and git-ignored paths skipped). Default: the current directory.",
            HelpName = "DIR",
        };
        var today = TodayOption.Create();

        var command = new Command("cleanup", "Remove a flag from the code the way the 'Remove stale flag' code fix does: inline its final value and simplify what follows.");
        command.Arguments.Add(key);
        command.Options.Add(value);
        command.Options.Add(stale);
        command.Options.Add(removeDeclaration);
        command.Options.Add(dryRun);
        command.Options.Add(project);
        command.Options.Add(today);
        command.Validators.Add(result =>
        {
            var given = result.GetValue(key);
            var hasKey = given is not null;
            var isStale = result.GetValue(stale);
            if (given is not null && given.StartsWith("-", StringComparison.Ordinal))
            {
                // As PathArgument: an unknown option lands in the free argument slot; it is a typo far more often than a key.
                result.AddError($"Unrecognized option '{given}'.");
            }
            else if (hasKey == isStale)
            {
                result.AddError(isStale ? "Give either KEY or --stale, not both." : "Give the KEY of the flag to remove, or --stale for every stale flag.");
            }
            else if (isStale && result.GetValue(value) is not null)
            {
                result.AddError("--value applies to one KEY; --stale removes only flags whose final value flags.yaml decides.");
            }
        });
        command.SetAction(parseResult => Run(
            new CleanupRequest(
                parseResult.GetValue(key),
                parseResult.GetValue(value),
                parseResult.GetValue(removeDeclaration),
                parseResult.GetValue(dryRun),
                parseResult.GetValue(project) ?? ".",
                TodayOption.Read(parseResult, today)),
            console));
        return command;
    }

    private static int Run(CleanupRequest request, CliConsole console)
    {
        if (!Directory.Exists(request.Project))
        {
            console.Error.WriteLine($"typedflags: '{request.Project}' is not a directory; --project takes the directory to clean up.");
            return ExitCodes.Findings;
        }

        var manifests = ProjectManifests.Load(request.Project, console);
        if (manifests is null)
        {
            return ExitCodes.Findings;
        }

        CleanupPlan plan;
        if (request.Key is { } key)
        {
            if (CleanupPlan.ForKey(manifests, key, request.Value, request.Today, console, out var exitCode) is not { } keyed)
            {
                return exitCode;
            }

            plan = keyed;
        }
        else
        {
            plan = CleanupPlan.Stale(manifests, request.Today);
        }

        // Results go to standard output, except with --dry-run: there standard output is the patch alone.
        var report = request.DryRun ? console.Error : console.Out;
        if (plan.Targets.Count == 0)
        {
            WriteUndecided(report, plan.Undecided);
            report.WriteLine(plan.Undecided.Count == 0
                ? "Nothing to clean up: no flag is stale on " + Date(request.Today) + "."
                : "Nothing else to clean up.");
            return plan.Undecided.Count == 0 ? ExitCodes.Clean : ExitCodes.Findings;
        }

        var finder = new FlagUseFinder(plan.Targets);
        var files = new List<FileCleanup>();
        var left = new List<LeftUse>();
        foreach (var file in SourceTree.Enumerate(request.Project, SourceExtensions))
        {
            if (TextFile.Read(file.FullPath, out var problem) is not { } text)
            {
                // Names and keys are ASCII: they show in any ASCII-compatible encoding.
                var raw = ReadLatin1(file.FullPath);
                left.AddRange(RazorUses.Find(file, raw, plan.Targets, "the file is " + problem + ", so it is neither parsed nor rewritten; make it UTF-8, then run cleanup again"));
                continue;
            }

            if (RazorUses.IsRazor(file))
            {
                left.AddRange(RazorUses.Find(file, text.Text, plan.Targets));
                continue;
            }

            if (SourceCleanup.Run(file, text, finder) is { } cleaned)
            {
                files.Add(cleaned);
                left.AddRange(cleaned.Left);
            }
        }

        // A variant's enum may stay in use while the flag stays declared; it matters only to --remove-declaration.
        if (!request.RemoveDeclaration)
        {
            left.RemoveAll(use => use.EnumOnly);
        }

        var (edits, outcomes) = request.RemoveDeclaration
            ? Declarations.Plan(manifests, plan.Targets, left)
            : (Array.Empty<ManifestEdit>(), Array.Empty<DeclarationOutcome>());

        var overrides = StaleOverrides(request.Project, outcomes.Where(outcome => outcome.KeptBecause is null).Select(outcome => outcome.Target).ToList());
        var changed = files.Where(file => file.NewText is not null).ToList();
        var failed = request.DryRun
            ? WriteDiff(console.Out, changed, edits)
            : WriteFiles(console.Error, changed, edits);

        WriteSummary(report, plan, changed, left, outcomes, request.DryRun);
        if (overrides.Count > 0)
        {
            report.WriteLine();
            report.WriteLine("Overrides of the deleted flags (TF2001 in the build once the declaration is gone; delete them):");
            foreach (var use in overrides)
            {
                report.WriteLine(string.Format(CultureInfo.InvariantCulture, "  {0}:{1}:{2}: {3}", use.Path, use.Line, use.Column, use.Key));
                report.WriteLine("      " + use.Code);
            }
        }

        return failed || left.Count > 0 || overrides.Count > 0 || plan.Undecided.Count > 0 || outcomes.Any(outcome => outcome.KeptBecause is not null)
            ? ExitCodes.Findings
            : ExitCodes.Clean;
    }

    /// <summary>
    /// Keys of deleted flags in appsettings*.json: an override of an undeclared flag is TF2001. Listed, not edited:
    /// JSON has no comments to keep the reason in, and the value may matter to whoever set it.
    /// </summary>
    private static List<LeftUse> StaleOverrides(string root, IReadOnlyList<CleanupTarget> deleted)
    {
        var found = new List<LeftUse>();
        if (deleted.Count == 0)
        {
            return found;
        }

        foreach (var file in SourceTree.Enumerate(root, new[] { ".json" }).Where(file => Path.GetFileName(file.FullPath).StartsWith("appsettings", StringComparison.OrdinalIgnoreCase)))
        {
            if (TextFile.Read(file.FullPath, out _) is { } text)
            {
                // Only the quoted key: an accessor name means nothing in configuration.
                found.AddRange(RazorUses.Find(file, text.Text, deleted, string.Empty).Where(use => use.Code.IndexOf(use.Key, StringComparison.OrdinalIgnoreCase) >= 0));
            }
        }

        return found;
    }

    private static bool WriteDiff(TextWriter output, IReadOnlyList<FileCleanup> changed, IReadOnlyList<ManifestEdit> edits)
    {
        foreach (var (path, before, after) in Changes(changed, edits))
        {
            output.Write(UnifiedDiff.Write(path, before, after));
        }

        return false;
    }

    private static bool WriteFiles(TextWriter error, IReadOnlyList<FileCleanup> changed, IReadOnlyList<ManifestEdit> edits)
    {
        var failed = false;
        var writes = changed.Select(file => (file.File, file.Original, Text: file.NewText!))
            .Concat(edits.Select(edit => (edit.Manifest.File, edit.Original, Text: edit.NewText)));
        foreach (var (file, original, text) in writes)
        {
            try
            {
                File.WriteAllBytes(file.FullPath, original.Encode(text));
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                error.WriteLine($"typedflags: cannot write '{file.RelativePath}': {ex.Message}");
                failed = true;
            }
        }

        return failed;
    }

    private static IEnumerable<(string Path, string Before, string After)> Changes(IReadOnlyList<FileCleanup> changed, IReadOnlyList<ManifestEdit> edits) =>
        changed.Select(file => (file.File.RelativePath, file.Original.Text, file.NewText!))
            .Concat(edits.Select(edit => (edit.Manifest.File.RelativePath, edit.Original.Text, edit.NewText)))
            .OrderBy(change => change.Item1, StringComparer.Ordinal);

    private static void WriteSummary(TextWriter report, CleanupPlan plan, IReadOnlyList<FileCleanup> changed, IReadOnlyList<LeftUse> left, IReadOnlyList<DeclarationOutcome> outcomes, bool dryRun)
    {
        foreach (var target in plan.Targets)
        {
            var files = changed.Where(file => file.Keys.Contains(target.Key)).Select(file => file.File.RelativePath).ToList();
            report.WriteLine(files.Count == 0
                ? $"{target.Key}: no C# read to inline ({target.Shown})."
                : string.Format(CultureInfo.InvariantCulture, "{0}: {1} {2} in {3} file(s).", target.Key, dryRun ? "would inline" : "inlined", target.Shown, files.Count));
            foreach (var file in files)
            {
                report.WriteLine("  " + file);
            }
        }

        WriteUndecided(report, plan.Undecided);

        if (left.Count > 0)
        {
            report.WriteLine();
            report.WriteLine("Left in place (the cleanup cannot rewrite these; the flag keeps its declaration):");
            foreach (var use in left.OrderBy(use => use.Path, StringComparer.Ordinal).ThenBy(use => use.Line).ThenBy(use => use.Column))
            {
                report.WriteLine(string.Format(CultureInfo.InvariantCulture, "  {0}:{1}:{2}: {3}: {4}", use.Path, use.Line, use.Column, use.Key, use.Reason));
                report.WriteLine("      " + use.Code);
            }
        }

        if (outcomes.Count > 0)
        {
            report.WriteLine();
            foreach (var outcome in outcomes)
            {
                report.WriteLine(outcome.KeptBecause is null
                    ? $"{outcome.Target.Key}: {(dryRun ? "would delete" : "deleted")} its declaration from {outcome.Target.ManifestPath}."
                    : $"{outcome.Target.Key}: kept its declaration in {outcome.Target.ManifestPath}: {outcome.KeptBecause}.");
            }
        }
    }

    private static void WriteUndecided(TextWriter report, IReadOnlyList<UndecidedFlag> undecided)
    {
        foreach (var flag in undecided)
        {
            var status = flag.Status;
            var since = status.Expired
                ? "expired on " + Date(status.Flag.Expires!.Value)
                : "launched on " + Date(status.LaunchedSince!.Value);
            FinalValueOption.Parse(status.Flag, string.Empty, out var accepted);
            var hint = status.Flag.Type == Manifest.Model.FlagValueType.Bool
                ? $"run 'typedflags cleanup {status.Flag.Key} --value true' (or false) with the value production keeps"
                : $"run 'typedflags cleanup {status.Flag.Key} --value V' with the value production keeps, V: {accepted}";
            report.WriteLine($"{status.Flag.Key}: not cleaned up: {since}, but flags.yaml does not decide its final value ({CleanupPlan.Why(status.Flag)}); {hint}.");
        }
    }

    private static string Date(DateTime date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string ReadLatin1(string path)
    {
        try
        {
            return Encoding.Latin1.GetString(File.ReadAllBytes(path));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return string.Empty;
        }
    }

    private sealed record CleanupRequest(string? Key, string? Value, bool RemoveDeclaration, bool DryRun, string Project, DateTime Today);
}
