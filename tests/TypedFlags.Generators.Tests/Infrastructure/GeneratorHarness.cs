using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace TypedFlags.Generators.Tests.Infrastructure;

/// <summary>Runs <see cref="FlagsGenerator"/> over in-memory projects compiled against .NET 8 reference assemblies.</summary>
internal static class GeneratorHarness
{
    public const string ManifestPath = "/project/flags.yaml";

    // Diagnose: XML doc problems in generated code (CS1574, CS1591...) must surface here, not in a consumer with GenerateDocumentationFile.
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.CSharp12, DocumentationMode.Diagnose);

    public static readonly ImmutableArray<MetadataReference> References = Basic.Reference.Assemblies.Net80.References.All
        .Cast<MetadataReference>()
        .Concat(new[]
        {
            MetadataReference.CreateFromFile(typeof(TypedFlags.FlagEngine).Assembly.Location),
            MetadataReference.CreateFromFile(Metadata("ConfigurationAbstractionsNet8")),
            MetadataReference.CreateFromFile(Metadata("PrimitivesNet8")),
        })
        .ToImmutableArray();

    public static CSharpCompilation Compilation(params string[] sources) => Compilation(ParseOptions, sources);

    public static CSharpCompilation Compilation(CSharpParseOptions parseOptions, params string[] sources) => CSharpCompilation.Create(
        "Consumer",
        sources.Select((source, i) => CSharpSyntaxTree.ParseText(source, parseOptions, path: $"/project/Source{i}.cs")),
        References,
        new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    public static GeneratorDriver Driver(IEnumerable<AdditionalText> manifests, string? rootNamespace = "Contoso.Billing", IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>>? fileMetadata = null, CSharpParseOptions? parseOptions = null, IReadOnlyDictionary<string, string>? buildProperties = null)
    {
        var global = new Dictionary<string, string>();
        if (rootNamespace is not null)
        {
            global["build_property.RootNamespace"] = rootNamespace;
        }

        foreach (var (name, value) in buildProperties ?? new Dictionary<string, string>())
        {
            global["build_property." + name] = value;
        }

        return CSharpGeneratorDriver.Create(
            new[] { new FlagsGenerator().AsSourceGenerator() },
            manifests,
            parseOptions ?? ParseOptions,
            new TestOptionsProvider(global, fileMetadata),
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));
    }

    /// <summary>Runs the generator once over one manifest and returns the updated compilation and diagnostics.</summary>
    public static GeneratorResult Run(string manifest, string? rootNamespace = "Contoso.Billing", params string[] sources) =>
        Run(new[] { new InMemoryAdditionalText(ManifestPath, manifest) }, rootNamespace, buildProperties: null, sources);

    /// <summary>Runs the generator once over several manifests (and build properties, without the <c>build_property.</c> prefix).</summary>
    public static GeneratorResult Run(IEnumerable<AdditionalText> manifests, string? rootNamespace = "Contoso.Billing", IReadOnlyDictionary<string, string>? buildProperties = null, params string[] sources)
    {
        var compilation = Compilation(sources.Length == 0 ? new[] { "namespace Consumer { internal static class Placeholder { } }" } : sources);
        var driver = Driver(manifests, rootNamespace, buildProperties: buildProperties);
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);
        return new GeneratorResult(driver, (CSharpCompilation)output, diagnostics, driver.GetRunResult());
    }

    private static string Metadata(string key) =>
        typeof(GeneratorHarness).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value
        ?? throw new InvalidOperationException(key);
}

/// <summary>What one generator run produced.</summary>
internal sealed record GeneratorResult(GeneratorDriver Driver, CSharpCompilation Compilation, ImmutableArray<Diagnostic> Diagnostics, GeneratorDriverRunResult RunResult)
{
    public string GeneratedSource(string hintName) =>
        RunResult.Results.Single().GeneratedSources.Single(s => s.HintName == hintName).SourceText.ToString();

    public IEnumerable<Diagnostic> AllDiagnostics => Diagnostics.Concat(RunResult.Diagnostics).Distinct();

    /// <summary>Every compiler diagnostic of the updated compilation that is not hidden (CS warnings included).</summary>
    public IReadOnlyList<Diagnostic> CompilerDiagnostics =>
        Compilation.GetDiagnostics().Where(d => d.Severity != DiagnosticSeverity.Hidden).ToList();

    /// <summary>"TF0012 flags.yaml(3,3): message" per generator diagnostic, 1-based as the build prints them, in location order.</summary>
    public IReadOnlyList<string> Described =>
        AllDiagnostics
            .OrderBy(d => d.Location.GetLineSpan().Path, StringComparer.Ordinal)
            .ThenBy(d => d.Location.GetLineSpan().StartLinePosition)
            .Select(Describe)
            .ToList();

    public static string Describe(Diagnostic diagnostic)
    {
        var span = diagnostic.Location.GetLineSpan();
        return $"{diagnostic.Id} {span.Path}({span.StartLinePosition.Line + 1},{span.StartLinePosition.Character + 1}): {diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}";
    }
}
