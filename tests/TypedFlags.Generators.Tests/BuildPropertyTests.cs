using System.Collections.Generic;
using System.Linq;
using TypedFlags.Generators.Tests.Infrastructure;
using Xunit;

namespace TypedFlags.Generators.Tests;

/// <summary>The build properties the generator reads are checked, never silently ignored (issue 11, item 8).</summary>
public sealed class BuildPropertyTests
{
    private const string Manifest = "version: 1\nflags:\n  a.b:\n    description: A\n";

    [Theory]
    [InlineData("event", "'event' is a C# keyword")]
    [InlineData("My.class.Lib", "'class' is a C# keyword")]
    [InlineData("my-app", "'my-app' is not a C# identifier (letters, digits, '_')")]
    public void A_RootNamespace_that_is_not_a_namespace_is_TF0015_naming_the_property_and_the_fix(string rootNamespace, string why)
    {
        var result = GeneratorHarness.Run(Manifest, rootNamespace);

        Assert.Equal(
            new[] { $"TF0015 /project/flags.yaml(1,1): '{rootNamespace}' is not a valid namespace for the generated class: it is the project's RootNamespace, which flags.yaml uses when it sets no 'namespace:', and {why}; set 'namespace:' in flags.yaml (or <RootNamespace> in the project file). Until then the class is generated in the global namespace" },
            result.Described);
        Assert.Empty(result.CompilerDiagnostics);
        Assert.Contains("public sealed partial class Flags", result.GeneratedSource("Flags.g.cs"));
    }

    [Fact]
    public void A_keyword_RootNamespace_is_fine_when_flags_yaml_sets_the_namespace()
    {
        var result = GeneratorHarness.Run("version: 1\nnamespace: EventApp\nflags:\n  a.b:\n    description: A\n", "event");

        Assert.Empty(result.AllDiagnostics);
        Assert.Empty(result.CompilerDiagnostics);
        Assert.Contains("namespace EventApp", result.GeneratedSource("EventApp.Flags.g.cs"));
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("2026-13-01")]
    [InlineData("22/11/2026")]
    public void A_TypedFlagsToday_that_is_not_a_date_is_TF0007_from_the_generator(string today)
    {
        var result = GeneratorHarness.Run(
            new[] { new InMemoryAdditionalText(GeneratorHarness.ManifestPath, Manifest) },
            buildProperties: new Dictionary<string, string> { ["TypedFlagsToday"] = today });

        Assert.Equal(
            new[] { $"TF0007 /project/flags.yaml(1,1): Invalid date '{today}' for 'TypedFlagsToday': expected yyyy-MM-dd (staleness is judged on today's UTC date instead)" },
            result.Described);
        Assert.Single(result.RunResult.Results.Single().GeneratedSources);
    }

    [Theory]
    [InlineData("2026-11-22")]
    [InlineData(" 2026-11-22 ")]
    [InlineData("")]
    public void A_valid_or_empty_TypedFlagsToday_is_silent(string today)
    {
        var result = GeneratorHarness.Run(
            new[] { new InMemoryAdditionalText(GeneratorHarness.ManifestPath, Manifest) },
            buildProperties: new Dictionary<string, string> { ["TypedFlagsToday"] = today });

        Assert.Empty(result.AllDiagnostics);
    }
}
