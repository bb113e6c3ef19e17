using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.Loader;
using System.Text;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.Extensions.Configuration;
using Microsoft.FeatureManagement;
using Microsoft.FeatureManagement.FeatureFilters;
using TypedFlags.Analyzers.Tests.Infrastructure;
using Xunit;

namespace TypedFlags.Analyzers.Tests;

/// <summary>
/// Microsoft.FeatureManagement's own targeting, exclusion and percentile-variant test cases (its tests'
/// <c>Targeting</c>, <c>TargetingExclusion</c> and <c>UsesVariants</c>, on the features of its appsettings.json),
/// converted to flags.yaml by <c>typedflags import</c>, generated, compiled and read through the typed accessors; each case
/// is asked of the real 4.7.0 package too, and both must give the answer its tests assert.
/// </summary>
public sealed class FeatureManagementCasesTests
{
    private const string FeatureManagementJson = """
        { "feature_management": { "feature_flags": [
          { "id": "TargetingTestFeature", "enabled": true, "conditions": { "client_filters": [ { "name": "Microsoft.Targeting", "parameters": { "Audience": {
            "Users": [ "Jeff", "Alicia" ], "Groups": [ { "Name": "Ring0", "RolloutPercentage": 100 }, { "Name": "Ring1", "RolloutPercentage": 50 } ], "DefaultRolloutPercentage": 20 } } } ] } },
          { "id": "TargetingTestFeatureWithExclusion", "enabled": true, "conditions": { "client_filters": [ { "name": "Microsoft.Targeting", "parameters": { "Audience": {
            "Users": [ "Jeff", "Alicia" ], "Groups": [ { "Name": "Ring0", "RolloutPercentage": 100 }, { "Name": "Ring1", "RolloutPercentage": 50 } ], "DefaultRolloutPercentage": 20,
            "Exclusion": { "Users": [ "Jeff" ], "Groups": [ "Ring0", "Ring2" ] } } } } ] } },
          { "id": "VariantFeaturePercentileOn", "enabled": true, "variants": [ { "name": "Big" } ], "allocation": { "percentile": [ { "variant": "Big", "from": 0, "to": 50 } ], "seed": "1234" } },
          { "id": "VariantFeaturePercentileOff", "enabled": true, "variants": [ { "name": "Big" } ], "allocation": { "percentile": [ { "variant": "Big", "from": 0, "to": 50 } ], "seed": "12345" } }
        ] } }
        """;

    public static TheoryData<string, string, string?, string, bool> TargetingCases() => new()
    {
        // Targeting
        { "TargetingTestFeature", "TargetingTestFeature", "Jeff", "", true },
        { "TargetingTestFeature", "TargetingTestFeature", "Anne", "", true },
        { "TargetingTestFeature", "TargetingTestFeature", "Patty", "", false },
        { "TargetingTestFeature", "TargetingTestFeature", "Patty", "Ring1", true },
        { "TargetingTestFeature", "TargetingTestFeature", "Isaac", "Ring1", false },

        // TargetingExclusion
        { "TargetingTestFeatureWithExclusion", "TargetingTestFeatureWithExclusion", "Alicia", "", true },
        { "TargetingTestFeatureWithExclusion", "TargetingTestFeatureWithExclusion", "Anne", "", true },
        { "TargetingTestFeatureWithExclusion", "TargetingTestFeatureWithExclusion", "Patty", "", false },
        { "TargetingTestFeatureWithExclusion", "TargetingTestFeatureWithExclusion", "Patty", "Ring1", true },
        { "TargetingTestFeatureWithExclusion", "TargetingTestFeatureWithExclusion", "Isaac", "Ring1", false },
        { "TargetingTestFeatureWithExclusion", "TargetingTestFeatureWithExclusion", "Jeff", "", false },
        { "TargetingTestFeatureWithExclusion", "TargetingTestFeatureWithExclusion", "Patty", "Ring0", false },
        { "TargetingTestFeatureWithExclusion", "TargetingTestFeatureWithExclusion", "Patty", "Ring0,Ring1", false },
        { "TargetingTestFeatureWithExclusion", "TargetingTestFeatureWithExclusion", "Alicia", "Ring2", false },
    };

    private static readonly Lazy<string> Imported = new(Import);

    private static readonly Lazy<Type> FlagsType = new(Compile);

    [Theory]
    [MemberData(nameof(TargetingCases))]
    public async Task Targeting_and_exclusion_cases_agree_through_the_typed_accessor(string accessor, string feature, string? user, string groups, bool asserted)
    {
        var groupList = groups.Length == 0 ? new List<string>() : groups.Split(',').ToList();
        var flag = (BoolFlag)Accessor(accessor);
        var typed = flag.IsEnabledFor(new FlagContext { TargetingKey = user, Groups = groupList });
        var microsoft = await Manager().IsEnabledAsync(feature, new TargetingContext { UserId = user, Groups = groupList });

        Assert.Equal(asserted, microsoft);
        Assert.Equal(asserted, typed);
    }

    [Theory]
    [InlineData("VariantFeaturePercentileOn", "Big")]
    [InlineData("VariantFeaturePercentileOff", null)]
    public async Task Percentile_variant_cases_agree_through_the_typed_accessor(string feature, string? asserted)
    {
        // UsesVariants asks for Marsha in Group1: the seed puts her in the first half for one feature and not the other.
        var context = new TargetingContext { UserId = "Marsha", Groups = new List<string> { "Group1" } };
        var microsoft = (await Manager().GetVariantAsync(feature, context))?.Name;
        var flag = Accessor(feature);
        var evaluation = flag.GetType().GetMethod("GetValue")!.Invoke(flag, new object[] { new FlagContext { TargetingKey = "Marsha", Groups = context.Groups.ToList() } })!;
        var typed = evaluation.ToString() == "None" ? null : evaluation.ToString();
        Assert.Contains("none", Imported.Value);

        Assert.Equal(asserted, microsoft);
        Assert.Equal(asserted, typed);
    }

    private static FeatureManager Manager()
    {
        var configuration = new ConfigurationBuilder().AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes(FeatureManagementJson))).Build();
        return new FeatureManager(new ConfigurationFeatureDefinitionProvider(configuration))
        {
            FeatureFilters = new IFeatureFilterMetadata[] { new ContextualTargetingFilter() },
        };
    }

    private static object Accessor(string name)
    {
        var flags = FlagsType.Value.GetMethod("Create")!.Invoke(null, new object?[] { null, new FlagOptions { EnvironmentName = "Production" } })!;
        return FlagsType.Value.GetProperty(name)!.GetValue(flags)!;
    }

    /// <summary>flags.yaml as <c>typedflags import</c> writes it from the features' appsettings.json.</summary>
    private static string Import()
    {
        var directory = Path.Combine(Path.GetTempPath(), "tf-import-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        try
        {
            File.WriteAllText(Path.Combine(directory, "appsettings.json"), FeatureManagementJson);
            using var output = new StringWriter();
            using var error = new StringWriter();
            TypedFlags.Cli.CliApp.Run(new[] { "import", directory }, new TypedFlags.Cli.CliConsole(output, error, Rich: false));
            return output.ToString();
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    /// <summary>Generates and compiles the consumer, and loads it beside this test's TypedFlags runtime.</summary>
    private static Type Compile()
    {
        var compilation = new ConsumerProject(Imported.Value, "namespace Consumer; public static class Anchor { }").Compilation();
        using var image = new MemoryStream();
        var emitted = compilation.Emit(image);
        Assert.True(emitted.Success, string.Join(Environment.NewLine, emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
        image.Position = 0;
        return AssemblyLoadContext.Default.LoadFromStream(image).GetType("Consumer.Flags", throwOnError: true)!;
    }
}
