using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.Extensions.Configuration;
using Microsoft.FeatureManagement;
using TypedFlags.Manifest.Model;
using TypedFlags.Manifest.Parsing;
using Xunit;

namespace TypedFlags.FeatureManagement.Tests;

/// <summary>
/// What <c>typedflags import</c> writes for appsettings.{Environment}.json agrees with what the real
/// Microsoft.FeatureManagement 4.7.0 answers in that environment, with the options <c>AddFeatureManagement()</c> uses
/// by default: the environment file layered over appsettings.json by the configuration merge (arrays by position).
/// </summary>
public sealed class ImportedEnvironmentsTests
{
    public static TheoryData<string, string, string> Apps() => new()
    {
        {
            "entries at their own positions",
            """
            { "feature_management": { "feature_flags": [
              { "id": "DarkMode", "enabled": false }, { "id": "Home", "enabled": true }, { "id": "Legacy", "enabled": true } ] } }
            """,
            """
            { "feature_management": { "feature_flags": [
              { "id": "DarkMode", "enabled": true }, { "id": "Home", "enabled": false } ] } }
            """
        },
        {
            "an entry at another feature's position",
            """
            { "feature_management": { "feature_flags": [
              { "id": "Home", "enabled": true }, { "id": "Feature With Space", "enabled": false } ] } }
            """,
            """
            { "feature_management": { "feature_flags": [
              { "id": "Feature With Space", "enabled": true } ] } }
            """
        },
        {
            "a later entry that repeats a feature",
            """
            { "feature_management": { "feature_flags": [
              { "id": "DarkMode", "enabled": false }, { "id": "Home", "enabled": true }, { "id": "Legacy", "enabled": true } ] } }
            """,
            """
            { "feature_management": { "feature_flags": [
              { "id": "DarkMode", "enabled": false }, { "id": "Legacy", "enabled": false } ] } }
            """
        },
    };

    [Theory]
    [MemberData(nameof(Apps))]
    public async Task Every_imported_flag_has_Microsoft_FeatureManagements_value_in_the_environment(string app, string settings, string development)
    {
        var directory = Path.Combine(Path.GetTempPath(), "tf-import-env-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        try
        {
            File.WriteAllText(Path.Combine(directory, "appsettings.json"), settings);
            File.WriteAllText(Path.Combine(directory, "appsettings.Development.json"), development);
            using var output = new StringWriter();
            using var error = new StringWriter();
            TypedFlags.Cli.CliApp.Run(new[] { "import", directory }, new TypedFlags.Cli.CliConsole(output, error, Rich: false));
            var manifest = ManifestParser.Parse(output.ToString());
            Assert.True(manifest.Model is not null && manifest.Diagnostics.IsEmpty, output.ToString());

            var microsoft = new FeatureManager(new ConfigurationFeatureDefinitionProvider(
                new ConfigurationBuilder().SetBasePath(directory).AddJsonFile("appsettings.json").AddJsonFile("appsettings.Development.json").Build(),
                new ConfigurationFeatureDefinitionProviderOptions()));
            var answers = new List<string>();
            foreach (var flag in manifest.Model!.Flags)
            {
                var name = flag.HashName ?? flag.Key;
                var environment = flag.Environments.FirstOrDefault(e => e.Environment == "Development")?.Value ?? flag.Default;
                var imported = environment.Mode == BoolMode.On;
                var expected = await microsoft.IsEnabledAsync(name);
                Assert.True(expected == imported, $"{app}: '{name}' in Development is {expected} for Microsoft.FeatureManagement, {imported} in the imported flags.yaml:\n{output}\n{error}");
                answers.Add($"{name}={imported}");
            }

            Assert.NotEmpty(answers);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
    [Fact]
    public async Task Old_schema_true_in_an_environment_file_turns_a_targeted_feature_on_for_excluded_users_too()
    {
        // Why the import lists this case: "Beta": true over EnabledFor makes Microsoft.FeatureManagement 4.7.0 use
        // AlwaysOn, exclusions and all, where flags.yaml's deny list keeps applying; "Beta": false keeps the filters.
        const string settings = """
            { "FeatureManagement": { "Beta": { "EnabledFor": [ { "Name": "Microsoft.Targeting", "Parameters": { "Audience": {
              "Users": [ "Jeff" ], "Exclusion": { "Users": [ "Mallory" ] } } } } ] } } }
            """;
        async Task<(bool Jeff, bool Mallory)> Ask(string? environmentFile)
        {
            var builder = new ConfigurationBuilder().AddJsonStream(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(settings)));
            if (environmentFile is not null)
            {
                builder.AddJsonStream(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(environmentFile)));
            }

            var manager = new FeatureManager(new ConfigurationFeatureDefinitionProvider(builder.Build(), new ConfigurationFeatureDefinitionProviderOptions()))
            {
                FeatureFilters = new IFeatureFilterMetadata[] { new Microsoft.FeatureManagement.FeatureFilters.ContextualTargetingFilter() },
            };
            return (await manager.IsEnabledAsync("Beta", new Microsoft.FeatureManagement.FeatureFilters.TargetingContext { UserId = "Jeff" }),
                    await manager.IsEnabledAsync("Beta", new Microsoft.FeatureManagement.FeatureFilters.TargetingContext { UserId = "Mallory" }));
        }

        Assert.Equal((true, false), await Ask(null));
        Assert.Equal((true, true), await Ask("""{ "FeatureManagement": { "Beta": true } }"""));
        Assert.Equal((true, false), await Ask("""{ "FeatureManagement": { "Beta": false } }"""));
    }
}
