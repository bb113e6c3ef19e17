using System;
using System.Collections.Generic;
using System.Globalization;
using TypedFlags.Manifest.Diagnostics;

namespace TypedFlags.Cli.Report;

/// <summary>A kind of finding, under the id of the analyzer rule that reports it in the build.</summary>
/// <param name="Id">TF1101–TF1104.</param>
/// <param name="Name">A PascalCase name (SARIF <c>reportingDescriptor.name</c>).</param>
/// <param name="Title">The analyzer's title.</param>
/// <param name="Description">What it means and what to do.</param>
/// <param name="Level">SARIF level and workflow-command kind: warning or note (notice).</param>
/// <param name="Status">The report status it stands for.</param>
internal sealed record ReportRule(string Id, string Name, string Title, string Description, string Level, string Status)
{
    /// <summary>The rule's page in docs/diagnostics, where the analyzers' help links point too.</summary>
    public string HelpUri => ManifestRules.HelpLinkBase + Id + ".md";
}

/// <summary>One finding at one place: a flag's declaration in flags.yaml, or a reference to a stale flag.</summary>
internal sealed record ReportFinding(ReportRule Rule, ReportFlag Flag, string Path, int Line, int Column, string? Code, string Message);

/// <summary>
/// The findings SARIF and GitHub annotations show, from the statuses of the report: every finding at the flag's
/// declaration, and an expired or launched flag also at each reference (as TF1101/TF1102 do in the build), so the code
/// to delete is annotated where it is.
/// </summary>
internal static class ReportRules
{
    public static readonly ReportRule Expired = new("TF1101", "FlagExpired", "Flag expired", "The flag's 'expires' date has passed. Remove the flag from the code and from flags.yaml, or move 'expires' if it must stay.", "warning", ReportStatus.Expired);

    public static readonly ReportRule Launched = new("TF1102", "FlagFullyLaunched", "Flag fully launched", "The flag reached its final value for everyone ('launched', or the final schedule step) longer ago than 'stale_after'. Inline the value and delete the flag.", "warning", ReportStatus.Launched);

    public static readonly ReportRule PastLifetime = new("TF1103", "FlagOlderThanItsLifetime", "Flag older than its lifetime", "Flags of each kind are expected to live for a limited time (see 'lifetimes'). Give the flag an 'expires' date or remove it.", "note", ReportStatus.PastLifetime);

    public static readonly ReportRule Unused = new("TF1104", "FlagNeverReferenced", "Flag never referenced", "No accessor, Keys constant or key string of the flag is used in the scanned C# and Razor code, in any project of the repository.", "warning", ReportStatus.Unused);

    /// <summary>Every rule, in id order (SARIF <c>ruleIndex</c> counts in this order).</summary>
    public static readonly IReadOnlyList<ReportRule> All = new[] { Expired, Launched, PastLifetime, Unused };

    /// <summary>The findings of <paramref name="report"/>, flag by flag in report order.</summary>
    public static IReadOnlyList<ReportFinding> Findings(ReportDocument report)
    {
        var findings = new List<ReportFinding>();
        foreach (var flag in report.Flags)
        {
            foreach (var rule in All)
            {
                if (!flag.Has(rule.Status))
                {
                    continue;
                }

                findings.Add(new ReportFinding(rule, flag, flag.Manifest, flag.Line, flag.Column, null, DeclarationMessage(rule, flag, report.Today)));
                if (rule == Expired || rule == Launched)
                {
                    foreach (var reference in flag.References)
                    {
                        findings.Add(new ReportFinding(rule, flag, reference.Path, reference.Line, reference.Column, reference.Code, ReferenceMessage(rule, flag)));
                    }
                }
            }
        }

        return findings;
    }

    private static string DeclarationMessage(ReportRule rule, ReportFlag flag, string today)
    {
        var owner = flag.Owner is null ? "no owner" : "owner " + flag.Owner;
        var uses = Count(flag.References.Count, "reference");
        return rule.Status switch
        {
            ReportStatus.Expired => Format("Flag '{0}' expired on {1}, {2} ago: remove it ({3}, {4}).", flag.Key, flag.Expires, Count(DaysSince(today, flag.Expires), "day"), owner, uses),
            ReportStatus.Launched => Format("Flag '{0}' has had one value for everyone for longer than stale_after: inline it and remove it ({1}, {2}).", flag.Key, owner, uses),
            ReportStatus.PastLifetime => Format("Flag '{0}' ({1}) was created on {2}, longer ago than its kind's lifetime, and has no 'expires' ({3}).", flag.Key, flag.Kind, flag.Created, owner),
            _ => Format("Flag '{0}' is declared but no code in the repository reads it: remove it ({1}).", flag.Key, owner),
        };
    }

    private static string ReferenceMessage(ReportRule rule, ReportFlag flag) => rule.Status == ReportStatus.Expired
        ? Format("Flag '{0}' expired on {1}: remove this use.", flag.Key, flag.Expires)
        : Format("Flag '{0}' has had one value for everyone for longer than stale_after: inline its value here.", flag.Key);

    private static int DaysSince(string today, string? date) =>
        date is null ? 0 : (int)(DateTime.ParseExact(today, "yyyy-MM-dd", CultureInfo.InvariantCulture) - DateTime.ParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture)).TotalDays;

    /// <summary>"1 day", "3 days".</summary>
    public static string Count(int count, string noun) => count.ToString(CultureInfo.InvariantCulture) + " " + noun + (count == 1 ? string.Empty : "s");

    private static string Format(string format, params object?[] args) => string.Format(CultureInfo.InvariantCulture, format, args);
}
