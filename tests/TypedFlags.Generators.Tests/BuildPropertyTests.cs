using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
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
    public async Task A_RootNamespace_that_is_not_a_namespace_is_TF0015_naming_the_property_and_the_fix(string rootNamespace, string why)
    {
        var source = GeneratorHarness.Run(Manifest, rootNamespace).GeneratedSource("Flags.g.cs");
        Assert.Contains("public sealed partial class Flags", source);

        // One TF0015 at the start of flags.yaml, that generated file, and no compiler diagnostic.
        var test = new GeneratorVerifierTest("{|#0:|}" + Manifest, rootNamespace);
        test.ExpectedDiagnostics.Add(new DiagnosticResult("TF0015", DiagnosticSeverity.Error).WithLocation(0).WithMessage(
            $"'{rootNamespace}' is not a valid namespace for the generated class: it is the project's RootNamespace, which flags.yaml uses when it sets no 'namespace:', and {why}; set 'namespace:' in flags.yaml (or <RootNamespace> in the project file). Until then the class is generated in the global namespace"));
        test.Generates("Flags.g.cs", source);

        await test.RunAsync();
    }

    [Fact]
    public async Task A_keyword_RootNamespace_is_fine_when_flags_yaml_sets_the_namespace()
    {
        const string manifest = "version: 1\nnamespace: EventApp\nflags:\n  a.b:\n    description: A\n";
        var source = GeneratorHarness.Run(manifest, "event").GeneratedSource("EventApp.Flags.g.cs");
        Assert.Contains("namespace EventApp", source);

        var test = new GeneratorVerifierTest(manifest, "event");
        test.Generates("EventApp.Flags.g.cs", source);

        await test.RunAsync();
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("2026-13-01")]
    [InlineData("22/11/2026")]
    public async Task A_TypedFlagsToday_that_is_not_a_date_is_TF0007_from_the_generator(string today)
    {
        var test = new GeneratorVerifierTest("{|#0:|}" + Manifest);
        test.BuildProperties["TypedFlagsToday"] = today;
        test.ExpectedDiagnostics.Add(new DiagnosticResult("TF0007", DiagnosticSeverity.Error).WithLocation(0).WithMessage(
            $"Invalid date '{today}' for 'TypedFlagsToday': expected yyyy-MM-dd (staleness is judged on today's UTC date instead)"));
        test.Generates("Contoso.Billing.Flags.g.cs", GeneratorHarness.Run(Manifest).GeneratedSource("Contoso.Billing.Flags.g.cs"));

        await test.RunAsync();
    }

    [Theory]
    [InlineData("2026-11-22")]
    [InlineData(" 2026-11-22 ")]
    [InlineData("")]
    public void A_valid_or_empty_TypedFlagsToday_is_silent(string today)
    {
        // Kept on GeneratorHarness: a global analyzer config trims values, so the framework could not pass
        // " 2026-11-22 " with its spaces.
        var result = GeneratorHarness.Run(
            new[] { new InMemoryAdditionalText(GeneratorHarness.ManifestPath, Manifest) },
            buildProperties: new Dictionary<string, string> { ["TypedFlagsToday"] = today });

        Assert.Empty(result.AllDiagnostics);
    }
}
