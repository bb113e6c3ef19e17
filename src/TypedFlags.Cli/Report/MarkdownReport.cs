using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace TypedFlags.Cli.Report;

/// <summary>
/// <c>--format md</c>: a pull-request comment. A summary line, one table row per flag (findings in bold), then each
/// flag's references in a collapsed <c>&lt;details&gt;</c> block, at most <see cref="ReferencesPerFlag"/> per flag so a
/// large repository still fits GitHub's 65,536-character comment limit (JSON and SARIF list every reference).
/// </summary>
internal static class MarkdownReport
{
    /// <summary>References listed per flag; the rest are counted.</summary>
    public const int ReferencesPerFlag = 20;

    /// <summary>The Markdown text, LF line ends.</summary>
    public static string Write(ReportDocument report)
    {
        var s = report.Summary;
        var text = new StringBuilder();
        text.Append("## TypedFlags report\n\n");
        text.Append(Invariant($"{Plural(s.Flags, "flag")} in {Plural(s.Manifests, "flags.yaml file")}, {Plural(s.Files, "source file")} scanned, on {report.Today}: "));
        text.Append(Invariant($"{s.Active} active, {s.Expired} expired, {s.Launched} launched, {s.PastLifetime} past lifetime, {s.Unused} unused; {Plural(s.References, "reference")}.\n\n"));

        text.Append("| Flag | Status | Days overdue | Owner | Kind | Phase | Created | Expires | Declared in | References |\n");
        text.Append("| --- | --- | ---: | --- | --- | --- | --- | --- | --- | ---: |\n");
        foreach (var flag in report.Flags)
        {
            var status = flag.Status.Count == 1 && flag.Status[0] == ReportStatus.Active ? ReportStatus.Active : "**" + string.Join(", ", flag.Status) + "**";
            text.Append("| ").Append(Code(flag.Key))
                .Append(" | ").Append(status)
                .Append(" | ").Append(flag.DaysOverdue?.ToString(CultureInfo.InvariantCulture) ?? string.Empty)
                .Append(" | ").Append(Cell(flag.Owner))
                .Append(" | ").Append(Cell(flag.Kind))
                .Append(" | ").Append(Cell(flag.Phase))
                .Append(" | ").Append(Cell(flag.Created))
                .Append(" | ").Append(Cell(flag.Expires))
                .Append(" | ").Append(Code(Invariant($"{flag.Manifest}:{flag.Line}")))
                .Append(" | ").Append(flag.References.Count.ToString(CultureInfo.InvariantCulture))
                .Append(" |\n");
        }

        var referenced = new List<ReportFlag>();
        foreach (var flag in report.Flags)
        {
            if (flag.References.Count > 0)
            {
                referenced.Add(flag);
            }
        }

        if (referenced.Count > 0)
        {
            text.Append("\n### References\n");
            foreach (var flag in referenced)
            {
                text.Append("\n<details><summary><code>").Append(Html(flag.Key)).Append("</code>: ").Append(Plural(flag.References.Count, "reference")).Append("</summary>\n\n");
                for (var i = 0; i < flag.References.Count && i < ReferencesPerFlag; i++)
                {
                    var reference = flag.References[i];
                    text.Append("- ").Append(Code(Invariant($"{reference.Path}:{reference.Line}:{reference.Column}"))).Append(' ').Append(Code(reference.Code)).Append('\n');
                }

                if (flag.References.Count > ReferencesPerFlag)
                {
                    text.Append("- … and ").Append(Plural(flag.References.Count - ReferencesPerFlag, "more reference")).Append(" (every one is in the JSON and SARIF reports)\n");
                }

                text.Append("\n</details>\n");
            }
        }

        if (report.Problems.Count > 0)
        {
            text.Append("\n### Files not fully scanned\n\n");
            foreach (var problem in report.Problems)
            {
                text.Append("- ").Append(Code(Invariant($"{problem.Path}:{problem.Line}:{problem.Column}"))).Append(": ").Append(Escape(problem.Message)).Append('\n');
            }
        }

        return text.ToString();
    }

    /// <summary>Inline code that survives backticks and pipes in the text (pipes would end a table cell).</summary>
    private static string Code(string text)
    {
        var fence = text.Contains('`') ? "``" : "`";
        var padded = text.Contains('`') ? " " + text + " " : text;
        return fence + padded.Replace("|", "\\|") + fence;
    }

    private static string Cell(string? text) => text is null ? "-" : Escape(text);

    private static string Escape(string text) => text.Replace("\\", "\\\\").Replace("|", "\\|").Replace("<", "&lt;").Replace("*", "\\*").Replace("_", "\\_").Replace("`", "\\`");

    private static string Html(string text) => text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");

    private static string Plural(int count, string noun) => ReportRules.Count(count, noun);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
