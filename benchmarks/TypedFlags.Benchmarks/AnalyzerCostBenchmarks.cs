using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using TypedFlags.Generators;
using TypedFlags.Generators.Analyzers;

namespace TypedFlags.Benchmarks;

/// <summary>
/// What the TypedFlags analyzers add to a build: a project with 500 flags (50 of them expired, 50 launched long ago)
/// and 5,000 flag reads in 10 files, compiled (generator, binding, emit) and analyzed.
/// </summary>
/// <remarks>
/// Two baselines, because <see cref="CompilationWithAnalyzers"/> is not csc. Every project that targets .NET 5 or
/// later already runs the .NET SDK's analyzers, which build the same operation trees TypedFlags reads, so the first
/// pair adds TypedFlags to them, as in a real build. The second pair has no other analyzer; its baseline runs an
/// analyzer that does nothing, because the harness re-binds every method body for any analyzer at all.
/// </remarks>
[MemoryDiagnoser]
[MedianColumn]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class AnalyzerCostBenchmarks
{
    private const int FlagCount = 500;
    private const int Files = 10;
    private const int ReferencesPerFile = 500;
    private const string WithSdk = "with .NET SDK analyzers";
    private const string Alone = "no other analyzer";

    private static readonly ImmutableArray<DiagnosticAnalyzer> TypedFlagsAnalyzers = ImmutableArray.Create<DiagnosticAnalyzer>(
        new FlagReferenceAnalyzer(), new FlagLifetimeAnalyzer(), new AppSettingsOverrideAnalyzer());

    private CSharpCompilation _compilation = null!;
    private ImmutableArray<AdditionalText> _additional;
    private Options _options = null!;
    private ImmutableArray<DiagnosticAnalyzer> _sdk;

    [GlobalSetup]
    public void Setup()
    {
        _sdk = SdkAnalyzers.Load();
        var manifest = new StringBuilder("version: 1\nflags:\n");
        for (var i = 0; i < FlagCount; i++)
        {
            manifest.Append("  feature").Append(i).Append(":\n    description: Feature ").Append(i).Append('\n');
            if (i % 10 == 1)
            {
                manifest.Append("    expires: 2026-01-01\n");
            }
            else if (i % 10 == 2)
            {
                manifest.Append("    default: true\n    launched: 2026-01-01\n");
            }
        }

        var appsettings = new StringBuilder("{ \"Flags\": {");
        for (var i = 0; i < 50; i++)
        {
            appsettings.Append(i == 0 ? string.Empty : ",").Append(" \"feature").Append(i).Append("\": \"on\"");
        }

        appsettings.Append(" } }");
        _additional = ImmutableArray.Create<AdditionalText>(new InMemoryText("/bench/flags.yaml", manifest.ToString()), new InMemoryText("/bench/appsettings.json", appsettings.ToString()));
        _options = new Options(new Dictionary<string, string> { ["build_property.RootNamespace"] = "Bench", ["build_property.TypedFlagsToday"] = "2026-11-22" });

        var trees = new List<SyntaxTree>();
        for (var file = 0; file < Files; file++)
        {
            var source = new StringBuilder("namespace Bench;\n\npublic static class Uses").Append(file).Append("\n{\n    public static int Run(Flags flags, Microsoft.FeatureManagement.IFeatureManager features)\n    {\n        var n = 0;\n");
            for (var j = 0; j < ReferencesPerFile; j++)
            {
                var flag = (file * ReferencesPerFile + j) % FlagCount;
                source.Append(j % 5 == 4
                    ? $"        if (features.IsEnabledAsync(\"feature{flag}\").Result) n++;\n"
                    : $"        if (flags.Feature{flag}.IsEnabled) n++;\n");
            }

            source.Append("        return n;\n    }\n}\n");
            trees.Add(CSharpSyntaxTree.ParseText(source.ToString(), path: $"/bench/Uses{file}.cs"));
        }

        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(path => path.EndsWith(".dll", StringComparison.Ordinal))
            .Select(path => MetadataReference.CreateFromFile(path))
            .Append(MetadataReference.CreateFromFile(typeof(FlagEngine).Assembly.Location))
            .Append(MetadataReference.CreateFromFile(typeof(Microsoft.FeatureManagement.IFeatureManager).Assembly.Location))
            .Append(MetadataReference.CreateFromFile(typeof(Microsoft.Extensions.Configuration.IConfiguration).Assembly.Location));
        _compilation = CSharpCompilation.Create("Bench", trees, references, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
    }

    [Benchmark(Baseline = true, Description = "compile + .NET SDK analyzers")]
    [BenchmarkCategory(WithSdk)]
    public Task<int> CompileWithSdkAnalyzers() => CompileAndAnalyze(_sdk);

    [Benchmark(Description = "compile + .NET SDK analyzers + TypedFlags")]
    [BenchmarkCategory(WithSdk)]
    public Task<int> CompileWithSdkAndTypedFlags() => CompileAndAnalyze(_sdk.AddRange(TypedFlagsAnalyzers));

    [Benchmark(Baseline = true, Description = "compile + an analyzer that does nothing")]
    [BenchmarkCategory(Alone)]
    public Task<int> CompileWithHarnessFloor() => CompileAndAnalyze(ImmutableArray.Create<DiagnosticAnalyzer>(new HarnessFloorAnalyzer()));

    [Benchmark(Description = "compile + TypedFlags")]
    [BenchmarkCategory(Alone)]
    public Task<int> CompileWithTypedFlags() => CompileAndAnalyze(TypedFlagsAnalyzers);

    private async Task<int> CompileAndAnalyze(ImmutableArray<DiagnosticAnalyzer> analyzers)
    {
        var errors = Build(out var compilation);
        var diagnostics = await compilation.WithAnalyzers(analyzers, new AnalyzerOptions(_additional, _options)).GetAnalyzerDiagnosticsAsync();
        return errors + diagnostics.Length;
    }

    private int Build(out Compilation compilation)
    {
        var driver = CSharpGeneratorDriver.Create(new[] { new FlagsGenerator().AsSourceGenerator() }, _additional, CSharpParseOptions.Default, _options);
        driver.RunGeneratorsAndUpdateCompilation(_compilation, out compilation, out _);
        using var stream = new MemoryStream();
        var result = compilation.Emit(stream);
        if (!result.Success)
        {
            throw new InvalidOperationException(string.Join(Environment.NewLine, result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Take(5)));
        }

        return result.Diagnostics.Length;
    }

    private sealed class Options : AnalyzerConfigOptionsProvider
    {
        private readonly Values _global;

        public Options(Dictionary<string, string> global) => _global = new Values(global);

        public override AnalyzerConfigOptions GlobalOptions => _global;

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => Values.Empty;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => Values.Empty;

        private sealed class Values : AnalyzerConfigOptions
        {
            public static readonly Values Empty = new(new Dictionary<string, string>());

            private readonly Dictionary<string, string> _values;

            public Values(Dictionary<string, string> values) => _values = values;

            public override bool TryGetValue(string key, out string value) => _values.TryGetValue(key, out value!);
        }
    }
}
