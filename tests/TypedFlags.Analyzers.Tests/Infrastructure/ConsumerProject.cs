using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Reflection;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using TypedFlags.Generators;
using TypedFlags.Generators.Analyzers;
using TypedFlags.Generators.Tests.Infrastructure;

namespace TypedFlags.Analyzers.Tests.Infrastructure;

/// <summary>
/// An in-memory consumer project: flags.yaml (and appsettings files) as AdditionalFiles, C# sources, the generated
/// flags class, and the TypedFlags analyzers run over it as the compiler would run them. The analyzer and code-fix
/// tests run on the Roslyn testing framework (<see cref="AnalyzerVerifierTest"/>, <see cref="CodeFixVerifierTest{TCodeFix}"/>);
/// this stays for what the framework cannot express: programs compiled and run before and after a fix (the cleanup
/// corpus, <see cref="RemoveStaleFlagSafetyTests"/>), a fix on flags.yaml, and the analyzer-vs-runtime agreement.
/// </summary>
internal sealed class ConsumerProject
{
    public const string Today = "2026-11-22";
    public const string ManifestPath = "/project/flags.yaml";

    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.CSharp12);

    public static readonly ImmutableArray<MetadataReference> References = Basic.Reference.Assemblies.Net80.References.All
        .Cast<MetadataReference>()
        .Concat(new[]
        {
            MetadataReference.CreateFromFile(typeof(FlagEngine).Assembly.Location),
            MetadataReference.CreateFromFile(Metadata("ConfigurationAbstractionsNet8")),
            MetadataReference.CreateFromFile(Metadata("PrimitivesNet8")),
            MetadataReference.CreateFromFile(Metadata("FeatureManagementNet8")),
        })
        .ToImmutableArray();

    public static readonly ImmutableArray<DiagnosticAnalyzer> Analyzers = ImmutableArray.Create<DiagnosticAnalyzer>(
        new FlagReferenceAnalyzer(),
        new FlagLifetimeAnalyzer(),
        new AppSettingsOverrideAnalyzer());

    public ConsumerProject(string manifest, params string[] sources)
    {
        Manifest = manifest;
        Sources = sources;
    }

    public string Manifest { get; }

    /// <summary>ConsoleApplication for projects with top-level statements.</summary>
    public OutputKind OutputKind { get; init; } = OutputKind.DynamicallyLinkedLibrary;

    public string[] Sources { get; }

    public Dictionary<string, string> AppSettings { get; } = new();

    public Dictionary<string, string> GlobalOptions { get; } = new()
    {
        ["build_property.RootNamespace"] = "Consumer",
        [FlagCatalog.TodayProperty] = Today,
    };

    public static string SourcePath(int index) => $"/project/Source{index}.cs";

    public ImmutableArray<AdditionalText> AdditionalTexts =>
        new AdditionalText[] { new InMemoryAdditionalText(ManifestPath, Manifest) }
            .Concat(AppSettings.Select(pair => (AdditionalText)new InMemoryAdditionalText("/project/" + pair.Key, pair.Value)))
            .ToImmutableArray();

    public TestOptionsProvider OptionsProvider => new(GlobalOptions);

    /// <summary>The generated flags class, as the generator emits it for this manifest.</summary>
    public (string HintName, string Source) Generated()
    {
        var driver = CSharpGeneratorDriver.Create(new[] { new FlagsGenerator().AsSourceGenerator() }, AdditionalTexts, ParseOptions, OptionsProvider);
        var result = driver.RunGenerators(CSharpCompilation.Create("Probe", references: References)).GetRunResult();
        var generated = result.Results.Single().GeneratedSources.Single();
        return (generated.HintName, generated.SourceText.ToString());
    }

    public CSharpCompilation Compilation()
    {
        var generated = Generated();
        var trees = Sources.Select((source, i) => CSharpSyntaxTree.ParseText(source, ParseOptions, SourcePath(i)))
            .Append(CSharpSyntaxTree.ParseText(generated.Source, ParseOptions, "/project/obj/" + generated.HintName));
        return CSharpCompilation.Create("Consumer", trees, References, new CSharpCompilationOptions(OutputKind, nullableContextOptions: NullableContextOptions.Enable));
    }

    /// <summary>Compiler errors plus every TF diagnostic the analyzers report, in location order.</summary>
    public async Task<ImmutableArray<Diagnostic>> DiagnosticsAsync()
    {
        var compilation = Compilation();
        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToArray();
        Xunit.Assert.True(errors.Length == 0, "The consumer does not compile: " + string.Join(Environment.NewLine, errors.Select(e => e.ToString())));
        var analyzed = compilation.WithAnalyzers(Analyzers, new AnalyzerOptions(AdditionalTexts, OptionsProvider));
        var diagnostics = await analyzed.GetAnalyzerDiagnosticsAsync();
        return diagnostics
            .OrderBy(d => d.Location.GetLineSpan().Path, StringComparer.Ordinal)
            .ThenBy(d => d.Location.GetLineSpan().StartLinePosition)
            .ThenBy(d => d.Id, StringComparer.Ordinal)
            .ToImmutableArray();
    }

    private static string Metadata(string key) =>
        typeof(ConsumerProject).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value
        ?? throw new InvalidOperationException(key);
}
