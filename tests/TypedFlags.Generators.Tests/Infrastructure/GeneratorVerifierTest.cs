using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;

namespace TypedFlags.Generators.Tests.Infrastructure;

/// <summary>
/// <see cref="FlagsGenerator"/> with the testing framework: flags.yaml as an additional file whose markup places the
/// expected TF diagnostics, build properties as a global analyzer config, generated sources compared with
/// <see cref="ProjectState.GeneratedSources"/>, and every compiler diagnostic above hidden (CS warnings and XML doc
/// problems included) expected or a failure. References come from Basic.Reference.Assemblies: nothing is downloaded.
/// </summary>
internal sealed class GeneratorVerifierTest : CSharpSourceGeneratorTest<FlagsGenerator, DefaultVerifier>
{
    /// <summary>flags.yaml in the framework's project folder (sources default to /0/Test0.cs).</summary>
    public const string ManifestPath = "/0/flags.yaml";

    /// <summary>An empty <see cref="ReferenceAssemblies"/> names no package, so the framework resolves nothing via NuGet.</summary>
    private static readonly ReferenceAssemblies NoPackages = new("net8.0");

    public GeneratorVerifierTest(string? manifest, string? rootNamespace = "Contoso.Billing", params string[] sources)
    {
        TestState.ReferenceAssemblies = NoPackages;
        TestState.AdditionalReferences.AddRange(GeneratorHarness.References);
        CompilerDiagnostics = CompilerDiagnostics.Suggestions;
        if (manifest is not null)
        {
            TestState.AdditionalFiles.Add((ManifestPath, manifest));
        }

        if (rootNamespace is not null)
        {
            BuildProperties["RootNamespace"] = rootNamespace;
        }

        foreach (var source in sources.Length == 0 ? new[] { "namespace Consumer { internal static class Placeholder { } }" } : sources)
        {
            TestState.Sources.Add(source);
        }
    }

    /// <summary>build_property.* values (without the prefix), as the package's targets pass them.</summary>
    public Dictionary<string, string> BuildProperties { get; } = new();

    public CSharpParseOptions ParseOptionsToUse { get; set; } = GeneratorHarness.ParseOptions;

    /// <summary>The generated file <paramref name="hintName"/> must be exactly <paramref name="text"/>.</summary>
    public void Generates(string hintName, string text) => TestState.GeneratedSources.Add((typeof(FlagsGenerator), hintName, text));

    // RunAsync is not virtual in the framework; tests call it on this type, so the global config goes in first.
    public new Task RunAsync(CancellationToken cancellationToken = default)
    {
        var config = "is_global = true\n" + string.Concat(BuildProperties.OrderBy(p => p.Key, System.StringComparer.Ordinal).Select(p => $"build_property.{p.Key} = {p.Value}\n"));
        TestState.AnalyzerConfigFiles.Add(("/.globalconfig", config));
        return base.RunAsync(cancellationToken);
    }

    protected override ParseOptions CreateParseOptions() => ParseOptionsToUse;

    protected override CompilationOptions CreateCompilationOptions() =>
        ((CSharpCompilationOptions)base.CreateCompilationOptions()).WithNullableContextOptions(NullableContextOptions.Enable);
}
