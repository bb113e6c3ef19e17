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
    public void Environment_files_are_layered_by_position_as_configuration_layers_them_for_Microsoft_FeatureManagement()
    {
        // Microsoft.FeatureManagement 4.7.0 reads feature_flags through the configuration merge unless the app sets
        // CustomConfigurationMergingEnabled: entry i of an environment file overwrites the fields of entry i of
        // appsettings.json, and the last entry with an id wins. (Checked against the real package in
        // TypedFlags.FeatureManagement.Tests: ImportedEnvironmentsTests.)
        using var directory = new TempDirectory();
        Directory.CreateDirectory(directory.Combine("app"));
        File.WriteAllText(directory.Combine("app/appsettings.json"), """
            { "feature_management": { "feature_flags": [
              { "id": "DarkMode", "enabled": false },
              { "id": "Home", "enabled": true },
              { "id": "Beta", "enabled": true, "conditions": { "client_filters": [ { "name": "Microsoft.Targeting", "parameters": { "Audience": { "Users": [ "Jeff" ], "DefaultRolloutPercentage": 20 } } } ] } },
              { "id": "Legacy", "enabled": true }
            ] } }
            """);

        // At their own positions: DarkMode is switched on; Home repeats its value; Beta keeps its filters (fields merge)
        // but is disabled, which `environments:` cannot say for a targeted flag.
        File.WriteAllText(directory.Combine("app/appsettings.Development.json"), """
            { "feature_management": { "feature_flags": [
              { "id": "DarkMode", "enabled": true },
              { "id": "Home", "enabled": true },
              { "id": "Beta", "enabled": false }
            ] } }
            """);

        // Legacy written at Home's position: Home is no longer declared in Staging (off), and Legacy's own entry, later
        // in the list, still wins (on).
        File.WriteAllText(directory.Combine("app/appsettings.Staging.json"), """
            { "feature_management": { "feature_flags": [
              { "id": "DarkMode", "enabled": false },
              { "id": "Legacy", "enabled": false }
            ] } }
            """);

        var result = CliRunner.Run("import", directory.Combine("app"));

        Assert.Equal(1, result.ExitCode);
        Assert.Empty(ManifestParser.Parse(result.Out).Diagnostics);
        Assert.Contains("""
              DarkMode:
                description: "Imported from Microsoft.FeatureManagement feature 'DarkMode'"
                default: false
                environments:
                  "Development": true
              Home:
                description: "Imported from Microsoft.FeatureManagement feature 'Home'"
                default: true
                environments:
                  "Staging": false
              Beta:
            """.Replace("\r\n", "\n"), result.Out);
        Assert.Contains("""
              Legacy:
                description: "Imported from Microsoft.FeatureManagement feature 'Legacy'"
                default: false
            """.Replace("\r\n", "\n").Replace("default: false", "default: true"), result.Out);
        Assert.DoesNotContain("\"Staging\": true", result.Out);
        var notes = result.Error.Split('\n', System.StringSplitOptions.RemoveEmptyEntries | System.StringSplitOptions.TrimEntries);
        Assert.Equal(3, notes.Length);
        Assert.Equal("typedflags: 2 item(s) could not be converted exactly:", notes[0]);
        Assert.StartsWith("Home: appsettings.Staging.json puts 'Legacy' at feature_flags[1], where appsettings.json has 'Home'.", notes[1]);
        Assert.StartsWith("Beta: appsettings.Development.json changes filters or variants for Development.", notes[2]);
    }

    [Fact]
    public void A_variant_feature_behind_a_custom_filter_gets_one_note_that_names_the_filter()
    {
        // Its filter only decides who gets default_when_disabled: the bool flag's "off until the filter's code exists"
        // does not apply to it, and must not be said.
        var result = Import(("appsettings.json", """
            { "feature_management": { "feature_flags": [ { "id": "Layout", "enabled": true,
              "conditions": { "client_filters": [ { "name": "Browser", "parameters": { "AllowedBrowsers": [ "Edge" ] } } ] },
              "variants": [ { "name": "Big" }, { "name": "Small" } ],
              "allocation": { "default_when_enabled": "Big", "default_when_disabled": "Small" } } ] } }
            """));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("Layout: a variant feature enabled by filters (Browser)", result.Error);
        Assert.DoesNotContain("custom filter", result.Error);
        Assert.Contains("default: \"Big\"", result.Out);
        Assert.Empty(ManifestParser.Parse(result.Out).Diagnostics);
    }

    [Fact]
    public void An_old_schema_environment_file_that_turns_a_targeted_feature_on_lists_the_excluded_users()
    {
        // "Beta": true in appsettings.Staging.json makes Microsoft.FeatureManagement use AlwaysOn there, exclusions
        // and all; environments: Staging: true keeps the deny list. The difference is listed, not hidden.
        var result = Import(
            ("appsettings.json", """
            { "FeatureManagement": { "Beta": { "EnabledFor": [ { "Name": "Microsoft.Targeting", "Parameters": { "Audience": {
              "Users": [ "Jeff" ], "DefaultRolloutPercentage": 20, "Exclusion": { "Users": [ "Mallory" ] } } } } ] } } }
            """),
            ("appsettings.Staging.json", """{ "FeatureManagement": { "Beta": true } }"""));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("Beta: appsettings.Staging.json turns it on for everyone in Staging, excluded users included.", result.Error);
        Assert.Contains("targeting.deny (Mallory)", result.Error);
        Assert.Contains("\"Staging\": true", result.Out);
        Assert.Empty(ManifestParser.Parse(result.Out).Diagnostics);
    }

    [Fact]
    public void A_path_without_appsettings_fails_like_a_missing_flags_yaml()
    {
        using var directory = new TempDirectory();

        var result = CliRunner.Run("import", directory.Combine("nothing-here"));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("no appsettings*.json", result.Error);
    }

    /// <summary><c>typedflags import</c> over an app folder that holds <paramref name="files"/> (name, JSON).</summary>
    private static CliResult Import(params (string Name, string Json)[] files)
    {
        using var directory = new TempDirectory();
        Directory.CreateDirectory(directory.Combine("app"));
        foreach (var (name, json) in files)
        {
            File.WriteAllText(directory.Combine("app/" + name), json);
        }

        return CliRunner.Run("import", directory.Combine("app"));
    }
}
