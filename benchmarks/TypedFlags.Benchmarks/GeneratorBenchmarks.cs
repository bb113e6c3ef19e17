using System.Collections.Immutable;
using System.Threading;
using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using TypedFlags.Generators;

namespace TypedFlags.Benchmarks;

/// <summary>
/// Generator cost for 100, 1,000 and 10,000 flags: a cold run (new driver: parse + emit) and a re-run after an
/// unrelated C# edit (must do no parsing: every step cached).
/// </summary>
[MemoryDiagnoser]
public class GeneratorBenchmarks
{
    private CSharpCompilation _compilation = null!;
    private CSharpCompilation _edited = null!;
    private ImmutableArray<AdditionalText> _manifest;
    private GeneratorDriver _warmDriver = null!;

    [Params(100, 1_000, 10_000)]
    public int Flags { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _manifest = ImmutableArray.Create<AdditionalText>(new InMemoryText("/bench/flags.yaml", SyntheticManifest.Create(Flags)));
        _compilation = CSharpCompilation.Create("Bench", new[] { CSharpSyntaxTree.ParseText("class A { }") });
        _edited = _compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("class B { }"));
        _warmDriver = NewDriver().RunGenerators(_compilation);
    }

    [Benchmark(Description = "cold: parse + emit")]
    public GeneratorDriver Cold() => NewDriver().RunGenerators(_compilation);

    [Benchmark(Description = "re-run after unrelated C# edit")]
    public GeneratorDriver UnrelatedEdit() => _warmDriver.RunGenerators(_edited);

    private GeneratorDriver NewDriver() =>
        CSharpGeneratorDriver.Create(new[] { new FlagsGenerator().AsSourceGenerator() }, _manifest, CSharpParseOptions.Default);
}
