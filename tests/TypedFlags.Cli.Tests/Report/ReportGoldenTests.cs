using Xunit;

namespace TypedFlags.Cli.Tests.Report;

/// <summary>Every format of report over the fixture repository on 2026-12-01, against Golden/report.*.</summary>
public sealed class ReportGoldenTests
{
    [Theory]
    [InlineData("md", "report.md")]
    [InlineData("json", "report.json")]
    [InlineData("sarif", "report.sarif")]
    [InlineData("github", "report.github.txt")]
    public void Each_format_matches_its_golden_output(string format, string golden)
    {
        using var directory = new TempDirectory();
        var root = FixtureRepository.CopyTo(directory);

        var result = CliRunner.Run("report", "--project", root, "--format", format, "--today", "2026-12-01");

        Assert.Equal(string.Empty, result.Error);
        Assert.Equal(0, result.ExitCode);
        Golden.Assert(golden, result.Out, directory);
    }

    [Fact]
    public void Markdown_is_the_default_format()
    {
        using var directory = new TempDirectory();
        var root = FixtureRepository.CopyTo(directory);

        var byDefault = CliRunner.Run("report", "--project", root, "--today", "2026-12-01");
        var markdown = CliRunner.Run("report", "--project", root, "--today", "2026-12-01", "--format", "md");

        Assert.Equal(markdown.Out, byDefault.Out);
    }
}
