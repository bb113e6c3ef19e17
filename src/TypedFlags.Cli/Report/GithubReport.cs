using System.Globalization;
using System.Text;

namespace TypedFlags.Cli.Report;

/// <summary>
/// <c>--format github</c>: GitHub Actions workflow commands (<c>::warning file=...,line=...,col=...::message</c>), so
/// a run annotates flags.yaml and the code of stale flags in the pull request without code scanning. Notes (TF1103)
/// become <c>::notice</c>. Paths are relative to the scanned directory: run from the repository root.
/// </summary>
internal static class GithubReport
{
    /// <summary>The workflow commands, one per line, then a plain summary line.</summary>
    public static string Write(ReportDocument report)
    {
        var text = new StringBuilder();
        foreach (var finding in ReportRules.Findings(report))
        {
            var command = finding.Rule.Level == "note" ? "notice" : "warning";
            Annotation(text, command, finding.Path, finding.Line, finding.Column, finding.Rule.Id + " " + finding.Rule.Title, finding.Message);
        }

        foreach (var problem in report.Problems)
        {
            Annotation(text, "warning", problem.Path, problem.Line, problem.Column, "typedflags: file not fully scanned", problem.Message);
        }

        var s = report.Summary;
        text.Append(string.Format(
            CultureInfo.InvariantCulture,
            "typedflags report on {0}: {1} flag(s), {2} active, {3} expired, {4} launched, {5} past lifetime, {6} unused; {7} reference(s) in {8} file(s).\n",
            report.Today, s.Flags, s.Active, s.Expired, s.Launched, s.PastLifetime, s.Unused, s.References, s.Files));
        return text.ToString();
    }

    private static void Annotation(StringBuilder text, string command, string path, int line, int column, string title, string message)
    {
        text.Append("::").Append(command)
            .Append(" file=").Append(Property(path))
            .Append(",line=").Append(line.ToString(CultureInfo.InvariantCulture))
            .Append(",col=").Append(column.ToString(CultureInfo.InvariantCulture))
            .Append(",title=").Append(Property(title))
            .Append("::").Append(Data(message)).Append('\n');
    }

    /// <summary>The escaping of the Actions toolkit (issueCommand escapeData): %, CR, LF.</summary>
    private static string Data(string value) => value.Replace("%", "%25").Replace("\r", "%0D").Replace("\n", "%0A");

    /// <summary>The escaping of the Actions toolkit for properties (escapeProperty): also ':' and ','.</summary>
    private static string Property(string value) => Data(value).Replace(":", "%3A").Replace(",", "%2C");
}
