using System.IO;
using System.Text.Json;
using Xunit;

namespace TypedFlags.Cli.Tests;

public sealed class ExportCommandTests
{
    [Theory]
    [InlineData("markdown", "export.md")]
    [InlineData("dotenv", "export.env")]
    [InlineData("ts", "export.d.ts")]
    [InlineData("json", "export.json")]
    public void Each_format_matches_its_golden_output(string format, string golden)
    {
        using var directory = new TempDirectory();
        var path = directory.CopyFixture("flags.yaml", "flags.yaml");

        var result = CliRunner.Run("export", path, "--format", format);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(string.Empty, result.Error);
        Golden.Assert(golden, result.Out, directory);
    }

    [Fact]
    public void Output_writes_the_same_text_to_a_file()
    {
        using var directory = new TempDirectory();
        var path = directory.CopyFixture("flags.yaml", "flags.yaml");
        var target = directory.Combine("flags.env.example");

        var toFile = CliRunner.Run("export", path, "--format", "dotenv", "--output", target);
        var toStdout = CliRunner.Run("export", path, "--format", "dotenv");

        Assert.Equal(0, toFile.ExitCode);
        Assert.Equal(string.Empty, toFile.Out);
        Assert.Equal(toStdout.Out, File.ReadAllText(target));
    }

    [Fact]
    public void The_json_parses_and_holds_every_flag()
    {
        using var directory = new TempDirectory();
        var path = directory.CopyFixture("flags.yaml", "flags.yaml");

        var result = CliRunner.Run("export", path, "--format", "json");

        using var document = JsonDocument.Parse(result.Out);
        var flags = document.RootElement.GetProperty("flags");
        Assert.Equal(5, flags.GetArrayLength());
        Assert.Equal(12.5m, flags[0].GetProperty("rolloutPercent").GetDecimal());
        Assert.Equal("VITE_SEARCH_MAX_RESULTS", flags[1].GetProperty("envVar").GetString());
    }

    [Fact]
    public void An_unknown_format_is_a_usage_error()
    {
        using var directory = new TempDirectory();
        var path = directory.CopyFixture("flags.yaml", "flags.yaml");

        var result = CliRunner.Run("export", path, "--format", "yaml");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("yaml", result.Error);
    }
}
