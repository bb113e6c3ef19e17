using System.Collections.Generic;

namespace TypedFlags.Cli.Report;

/// <summary>
/// The report: what every format renders, and exactly what the JSON format writes (docs/schemas/report.schema.json
/// describes it; properties are camelCase there). Paths are relative to the scanned directory, with '/' separators.
/// </summary>
/// <param name="Version">The report format version (1).</param>
/// <param name="Today">The day statuses were computed for (yyyy-MM-dd).</param>
/// <param name="Summary">Counts.</param>
/// <param name="Flags">Every flag of every flags.yaml, in path order then file order.</param>
/// <param name="Problems">Source files the scan could not read completely.</param>
internal sealed record ReportDocument(int Version, string Today, ReportSummary Summary, IReadOnlyList<ReportFlag> Flags, IReadOnlyList<ReportProblem> Problems);

/// <summary>How many of what the report found.</summary>
/// <param name="Manifests">flags.yaml files read.</param>
/// <param name="Files">Source files scanned (.cs, .razor, .cshtml).</param>
/// <param name="Flags">Flags declared.</param>
/// <param name="Active">Flags with no finding.</param>
/// <param name="Expired">Flags past <c>expires</c>.</param>
/// <param name="Launched">Flags with one value for everyone for longer than <c>stale_after</c>.</param>
/// <param name="PastLifetime">Flags older than their kind's lifetime, without <c>expires</c>.</param>
/// <param name="Unused">Flags no code reads.</param>
/// <param name="References">References found.</param>
internal sealed record ReportSummary(int Manifests, int Files, int Flags, int Active, int Expired, int Launched, int PastLifetime, int Unused, int References);

/// <summary>One declared flag.</summary>
/// <param name="Key">The key.</param>
/// <param name="Manifest">The flags.yaml that declares it.</param>
/// <param name="Line">1-based line of the key in flags.yaml.</param>
/// <param name="Column">1-based column of the key.</param>
/// <param name="Owner">The owner, or null.</param>
/// <param name="Kind">release, experiment, operational, kill-switch or permission.</param>
/// <param name="Phase">The phase, or null.</param>
/// <param name="Created">yyyy-MM-dd, or null.</param>
/// <param name="Expires">yyyy-MM-dd, or null.</param>
/// <param name="Status">["active"], or every finding of expired, launched, past lifetime, unused, in that order.</param>
/// <param name="DaysOverdue">Days since the earliest deadline that has passed (expires, launched + stale_after,
/// created + lifetime); null when none has.</param>
/// <param name="References">Every reference, in path, line, column order.</param>
internal sealed record ReportFlag(
    string Key,
    string Manifest,
    int Line,
    int Column,
    string? Owner,
    string Kind,
    string? Phase,
    string? Created,
    string? Expires,
    IReadOnlyList<string> Status,
    int? DaysOverdue,
    IReadOnlyList<ReportReference> References)
{
    /// <summary>True when <see cref="Status"/> holds <paramref name="status"/>.</summary>
    public bool Has(string status)
    {
        foreach (var value in Status)
        {
            if (value == status)
            {
                return true;
            }
        }

        return false;
    }
}

/// <summary>One place code reads a flag.</summary>
/// <param name="Path">The file.</param>
/// <param name="Line">1-based line.</param>
/// <param name="Column">1-based column of the accessor name or key string.</param>
/// <param name="Kind">accessor, keyConstant or keyString.</param>
/// <param name="Code">The line, trimmed.</param>
internal sealed record ReportReference(string Path, int Line, int Column, string Kind, string Code);

/// <summary>A source file the scan could not read completely.</summary>
/// <param name="Path">The file.</param>
/// <param name="Line">1-based line of the problem.</param>
/// <param name="Column">1-based column.</param>
/// <param name="Message">What is wrong, and what the report did.</param>
internal sealed record ReportProblem(string Path, int Line, int Column, string Message);

/// <summary>The status names of <see cref="ReportFlag.Status"/>.</summary>
internal static class ReportStatus
{
    public const string Active = "active";
    public const string Expired = "expired";
    public const string Launched = "launched";
    public const string PastLifetime = "past lifetime";
    public const string Unused = "unused";
}
