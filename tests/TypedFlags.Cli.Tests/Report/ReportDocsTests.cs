using System.IO;
using System.Linq;
using Xunit;

namespace TypedFlags.Cli.Tests.Report;

/// <summary>The report command lines docs/cli.md shows (its examples and the GitHub Actions workflow) run as printed.</summary>
public sealed class ReportDocsTests
{
    [Fact]
    public void Every_report_command_line_in_the_docs_is_accepted()
    {
        var lines = File.ReadAllLines(Path.Combine(ReportSchemaTests.RepositoryRoot(), "docs", "cli.md"))
            .Select(line => line.Trim())
            .Select(line => line.StartsWith("run: ", System.StringComparison.Ordinal) ? line.Substring(5) : line)
            .Where(line => line.StartsWith("typedflags report", System.StringComparison.Ordinal))
            .ToList();
        Assert.True(lines.Count >= 5, string.Join("\n", lines));

        foreach (var line in lines)
        {
            // The command itself: up to a redirect or a comment.
            var command = line.Split('>', '#')[0];
            var args = command.Split(' ', System.StringSplitOptions.RemoveEmptyEntries).Skip(1).ToList();
            using var directory = new TempDirectory();
            args.AddRange(new[] { "--project", FixtureRepository.CopyTo(directory) });

            var result = CliRunner.Run(args.ToArray());

            Assert.True(result.ExitCode is 0 or 1, line + "\n" + result.Error);
            Assert.NotEqual(string.Empty, result.Out);
        }
    }
}
