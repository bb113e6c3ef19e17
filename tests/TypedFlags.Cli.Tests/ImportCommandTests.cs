using System.IO;
using TypedFlags.Manifest.Parsing;
using Xunit;

namespace TypedFlags.Cli.Tests;

/// <summary><c>typedflags import</c> over Microsoft.FeatureManagement configuration in both schemas.</summary>
public sealed class ImportCommandTests
{
    [Theory]
    [InlineData("import-web", "import-web.yaml", "import-web.txt", 1)]
    [InlineData("import-legacy", "import-legacy.yaml", "import-legacy.txt", 0)]
    public void Configuration_becomes_a_valid_flags_yaml_and_a_list_of_what_to_do(string fixture, string goldenYaml, string goldenNotes, int exitCode)
    {
        using var directory = new TempDirectory();
        foreach (var file in Directory.GetFiles(Path.Combine(System.AppContext.BaseDirectory, "Fixtures", fixture)))
        {
            directory.CopyFixture(Path.Combine(fixture, Path.GetFileName(file)), Path.Combine("app", Path.GetFileName(file)));
        }

        var result = CliRunner.Run("import", directory.Combine("app"));

        Assert.Equal(exitCode, result.ExitCode);
        Golden.Assert(goldenYaml, result.Out, directory);
        Golden.Assert(goldenNotes, result.Error, directory);
        Assert.Empty(ManifestParser.Parse(result.Out).Diagnostics);
    }

    [Fact]
    public void Output_writes_flags_yaml_to_a_file()
    {
        using var directory = new TempDirectory();
        directory.CopyFixture(Path.Combine("import-legacy", "appsettings.json"), "app/appsettings.json");
        var target = directory.Combine("app/flags.yaml");

        var result = CliRunner.Run("import", directory.Combine("app/appsettings.json"), "--output", target);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(CliRunner.Run("import", directory.Combine("app")).Out, File.ReadAllText(target));
    }

    [Fact]
    public void A_path_without_appsettings_fails_like_a_missing_flags_yaml()
    {
        using var directory = new TempDirectory();

        var result = CliRunner.Run("import", directory.Combine("nothing-here"));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("no appsettings*.json", result.Error);
    }
}
