using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using TypedFlags.Cli.Output;
using TypedFlags.Cli.Scanning;
using TypedFlags.Manifest.Model;
using TypedFlags.Manifest.Parsing;
using TypedFlags.Manifest.Staleness;

namespace TypedFlags.Cli.Report;

/// <summary>
/// Builds the report in the phases the benchmark times: <see cref="Enumerate"/> the source files, <see cref="Scan"/>
/// them for references, <see cref="Evaluate"/> every flag's status (<see cref="FlagLifecycle"/>, the analyzers' rules)
/// against its references. Rendering is the formats' business.
/// </summary>
internal static class ReportBuilder
{
    /// <summary>The accessor names and keys of every flag of every manifest.</summary>
    public static FlagLookup Lookup(IReadOnlyList<LoadedManifest> manifests)
    {
        var flags = new List<(string, string)>();
        var hashNames = new List<(string, string)>();
        foreach (var manifest in manifests)
        {
            foreach (var flag in manifest.Result.Model!.Flags)
            {
                flags.Add((flag.Key, flag.AccessorName));
                if (flag.HashName is { } hashName)
                {
                    hashNames.Add((hashName, flag.Key));
                }
            }
        }

        var lookup = new FlagLookup(flags);
        foreach (var (hashName, key) in hashNames)
        {
            lookup.AddHashName(hashName, key);
        }

        return lookup;
    }

    /// <summary>The .cs, .razor and .cshtml files under <paramref name="root"/> that git would see.</summary>
    public static IReadOnlyList<SourceFile> Enumerate(string root) => SourceTree.Enumerate(root, ReferenceScan.Extensions);

    /// <summary>The references in <paramref name="files"/>.</summary>
    public static ScanResult Scan(IReadOnlyList<SourceFile> files, FlagLookup lookup, Action? progress = null) => ReferenceScan.Scan(files, lookup, progress);

    /// <summary>Every flag with its status on <paramref name="today"/> and its references.</summary>
    public static ReportDocument Evaluate(string root, IReadOnlyList<LoadedManifest> manifests, DateTime today, int fileCount, ScanResult scan)
    {
        var byKey = new Dictionary<string, List<ReportReference>>(StringComparer.OrdinalIgnoreCase);
        foreach (var reference in scan.References)
        {
            if (!byKey.TryGetValue(reference.Key, out var list))
            {
                byKey[reference.Key] = list = new List<ReportReference>();
            }

            list.Add(new ReportReference(reference.Path, reference.Line, reference.Column, KindName(reference.Kind), reference.Code));
        }

        var flags = new List<ReportFlag>();
        int active = 0, expired = 0, launched = 0, pastLifetime = 0, unused = 0, references = 0;
        foreach (var manifest in manifests)
        {
            var model = manifest.Result.Model!;
            var manifestPath = RelativePath(root, manifest.DisplayPath);

            // A flag another flag requires is used by the runtime (TF1104 and cleanup ask the same question).
            var required = FlagPrerequisites.RequiredKeys(model.Flags);
            foreach (var status in FlagLifecycle.Evaluate(model, today))
            {
                var flag = status.Flag;
                var found = byKey.TryGetValue(flag.Key, out var list) ? list : new List<ReportReference>();
                var names = FlagText.StatusNames(status);
                if (found.Count == 0 && !required.Contains(flag.Key))
                {
                    names.Add(ReportStatus.Unused);
                }

                expired += status.Expired ? 1 : 0;
                launched += status.Launched ? 1 : 0;
                pastLifetime += status.Overdue ? 1 : 0;
                unused += names.Contains(ReportStatus.Unused) ? 1 : 0;
                if (names.Count == 0)
                {
                    names.Add(ReportStatus.Active);
                    active++;
                }

                references += found.Count;
                var (line, column) = Declaration(manifest, flag.Key);
                flags.Add(new ReportFlag(
                    flag.Key,
                    manifestPath,
                    line,
                    column,
                    flag.Owner,
                    ManifestFields.Kinds[(int)flag.Kind],
                    flag.Phase,
                    Date(flag.Created),
                    Date(flag.Expires),
                    names,
                    DaysOverdue(status, today),
                    found));
            }
        }

        var problems = new List<ReportProblem>();
        foreach (var problem in scan.Problems)
        {
            problems.Add(new ReportProblem(problem.Path, problem.Line, problem.Column, problem.Message));
        }

        var summary = new ReportSummary(manifests.Count, fileCount, flags.Count, active, expired, launched, pastLifetime, unused, references);
        return new ReportDocument(1, Date(today)!, summary, flags, problems);
    }

    /// <summary>The path of <paramref name="path"/> relative to <paramref name="root"/>, '/'-separated on every OS.</summary>
    public static string RelativePath(string root, string path) => Path.GetRelativePath(root, path).Replace('\\', '/');

    /// <summary>Days since the earliest deadline that has passed, or null.</summary>
    private static int? DaysOverdue(FlagStatus status, DateTime today)
    {
        var day = today.Date;
        DateTime? deadline = null;
        void Consider(DateTime? candidate)
        {
            if (candidate is { } date && (deadline is null || date < deadline))
            {
                deadline = date;
            }
        }

        if (status.Expired)
        {
            Consider(status.Flag.Expires?.Date);
        }

        if (status.Launched)
        {
            Consider(status.LaunchedSince?.Date.AddDays(status.StaleAfterDays));
        }

        if (status.Overdue && status.LifetimeDays is { } lifetime)
        {
            Consider(status.Flag.Created?.Date.AddDays(lifetime));
        }

        return deadline is { } passed ? (int)(day - passed).TotalDays : null;
    }

    private static (int Line, int Column) Declaration(LoadedManifest manifest, string key)
    {
        foreach (var location in manifest.Result.Locations)
        {
            if (string.Equals(location.Key, key, StringComparison.Ordinal))
            {
                return (location.Span.StartLine, location.Span.StartColumn);
            }
        }

        return (1, 1);
    }

    private static string? Date(DateTime? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string KindName(ReferenceKind kind) => kind switch
    {
        ReferenceKind.Accessor => "accessor",
        ReferenceKind.KeyConstant => "keyConstant",
        _ => "keyString",
    };
}
