using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace TypedFlags.Cli.Report;

/// <summary>
/// <c>--format md</c>: a pull-request comment. A summary line, one table row per flag (findings in bold), then each
/// flag's references in a collapsed <c>&lt;details&gt;</c> block, at most <see cref="ReferencesPerFlag"/> per flag.
/// GitHub refuses comments over 65,536 characters, so the text stays under <see cref="Budget"/>: past it, the table
/// keeps the flags with findings and counts the active ones, and the reference lists stop with a line that says how
/// many were left out. The JSON and SARIF formats always hold every reference.
/// </summary>
internal static class MarkdownReport
{
    /// <summary>References listed per flag; the rest are counted.</summary>
    public const int ReferencesPerFlag = 20;

    /// <summary>The most characters written: GitHub's comment limit (65,536) less room for a header a workflow adds.</summary>
    public const int Budget = 60_000;

    /// <summary>The Markdown text, LF line ends.</summary>
    public static string Write(ReportDocument report)
    {
        var s = report.Summary;
        var text = new StringBuilder();
        text.Append("## TypedFlags report\n\n");
        text.Append(Invariant($"{Plural(s.Flags, "flag")} in {Plural(s.Manifests, "flags.yaml file")}, {Plural(s.Files, "source file")} scanned, on {report.Today}: "));
        text.Append(Invariant($"{s.Active} active, {s.Expired} expired, {s.Launched} launched, {s.PastLifetime} past lifetime, {s.Unused} unused; {Plural(s.References, "reference")}.\n\n"));

        var rows = new List<string>();
        var findingRows = new List<string>();
        foreach (var flag in report.Flags)
        {
            var row = Row(flag);
            rows.Add(row);
            if (!IsActive(flag))
            {
                findingRows.Add(row);
            }
        }

        const string header = "| Flag | Status | Days overdue | Owner | Kind | Phase | Created | Expires | Declared in | References |\n| --- | --- | ---: | --- | --- | --- | --- | --- | --- | ---: |\n";
        text.Append(header);
        var tableLength = 0;
        foreach (var row in rows)
        {
            tableLength += row.Length;
        }

        if (text.Length + tableLength <= Budget)
        {
            rows.ForEach(row => text.Append(row));
        }
        else
        {
            // Too many flags for one comment: the ones that need work first; the active ones are only counted.
            var written = 0;
            foreach (var row in findingRows)
            {
                if (text.Length + row.Length > Budget - 400)
                {
                    break;
                }

                text.Append(row);
                written++;
            }

            text.Append(Invariant($"\n{Plural(s.Flags - written, "more flag")} ({s.Active} active) left out: a pull-request comment holds {Budget:N0} characters; the JSON and SARIF reports hold every flag.\n"));
        }

        AppendReferences(report, text);

        if (report.Problems.Count > 0)
        {
            text.Append("\n### Files not fully scanned\n\n");
            foreach (var problem in report.Problems)
            {
                var line = "- " + Code(Invariant($"{problem.Path}:{problem.Line}:{problem.Column}")) + ": " + Escape(problem.Message) + "\n";
                if (text.Length + line.Length > Budget)
                {
                    text.Append("- …\n");
                    break;
                }

                text.Append(line);
            }
        }

        return text.ToString();
    }

    private static void AppendReferences(ReportDocument report, StringBuilder text)
    {
        var heading = false;
        var left = 0;
        foreach (var flag in report.Flags)
        {
            if (flag.References.Count == 0)
            {
                continue;
            }

            var block = new StringBuilder();
            block.Append("\n<details><summary><code>").Append(Html(flag.Key)).Append("</code>: ").Append(Plural(flag.References.Count, "reference")).Append("</summary>\n\n");
            for (var i = 0; i < flag.References.Count && i < ReferencesPerFlag; i++)
            {
                var reference = flag.References[i];
                block.Append("- ").Append(Code(Invariant($"{reference.Path}:{reference.Line}:{reference.Column}"))).Append(' ').Append(Code(reference.Code)).Append('\n');
            }

            if (flag.References.Count > ReferencesPerFlag)
            {
                block.Append("- … and ").Append(Plural(flag.References.Count - ReferencesPerFlag, "more reference")).Append(" (every one is in the JSON and SARIF reports)\n");
            }

            block.Append("\n</details>\n");
            if (left > 0 || text.Length + block.Length > Budget - 1_000)
            {
                left++;
                continue;
            }

            if (!heading)
            {
                text.Append("\n### References\n");
                heading = true;
            }

            text.Append(block);
        }

        if (left > 0)
        {
            text.Append(Invariant($"\nThe references of {Plural(left, "more flag")} are left out to fit a pull-request comment; the JSON and SARIF reports hold every one.\n"));
        }
    }

    private static string Row(ReportFlag flag)
    {
        var status = IsActive(flag) ? ReportStatus.Active : "**" + string.Join(", ", flag.Status) + "**";
        return new StringBuilder()
            .Append("| ").Append(Code(flag.Key))
            .Append(" | ").Append(status)
            .Append(" | ").Append(flag.DaysOverdue?.ToString(CultureInfo.InvariantCulture) ?? string.Empty)
            .Append(" | ").Append(Cell(flag.Owner))
            .Append(" | ").Append(Cell(flag.Kind))
            .Append(" | ").Append(Cell(flag.Phase))
            .Append(" | ").Append(Cell(flag.Created))
            .Append(" | ").Append(Cell(flag.Expires))
            .Append(" | ").Append(Code(Invariant($"{flag.Manifest}:{flag.Line}")))
            .Append(" | ").Append(flag.References.Count.ToString(CultureInfo.InvariantCulture))
            .Append(" |\n")
            .ToString();
    }

    private static bool IsActive(ReportFlag flag) => flag.Status.Count == 1 && flag.Status[0] == ReportStatus.Active;

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
