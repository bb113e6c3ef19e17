using System.Linq;
using System.Text;
using TypedFlags.Cli.Report;
using Xunit;

namespace TypedFlags.Cli.Tests.Report;

/// <summary>GitHub refuses comments over 65,536 characters: a large repository's Markdown report must still post.</summary>
public sealed class MarkdownBudgetTests
{
    [Fact]
    public void A_large_repository_fits_a_pull_request_comment_and_says_what_was_left_out()
    {
        using var directory = new TempDirectory();
        var root = directory.Combine("repo");
        var manifest = new StringBuilder("version: 1\nclass: BigFlags\nflags:\n");
        var code = new StringBuilder("class Reads\n{\n");
        for (var i = 0; i < 600; i++)
        {
            manifest.Append($"  area{i}.feature:\n    description: Feature {i}\n    owner: team-{i % 9}\n    created: 2026-01-01\n    expires: {(i % 2 == 0 ? "2026-06-30" : "2027-06-30")}\n");
            for (var r = 0; r < 3; r++)
            {
                code.Append($"    bool R{i}_{r}(BigFlags f) => f.Area{i}Feature.IsEnabled;\n");
            }
        }

        FixtureRepository.Write(root, "flags.yaml", manifest.Append('\n').ToString());
        FixtureRepository.Write(root, "Reads.cs", code.Append("}\n").ToString());

        var markdown = CliRunner.Run("report", "--project", root, "--today", "2026-12-01");
        var json = JsonReport.Read(CliRunner.Run("report", "--project", root, "--today", "2026-12-01", "--format", "json").Out)!;

        Assert.Equal(0, markdown.ExitCode);
        Assert.True(markdown.Out.Length <= MarkdownReport.Budget, markdown.Out.Length.ToString());
        Assert.Contains("(300 active) left out", markdown.Out);
        Assert.Contains("| `area0.feature` | **expired** | 154 |", markdown.Out);
        Assert.DoesNotContain("`area1.feature`", markdown.Out);
        Assert.Equal(1800, json.Flags.Sum(f => f.References.Count));
    }
}
