using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace TypedFlags.Benchmarks;

/// <summary>
/// An analyzer that does nothing with what it is shown. <see cref="CompilationWithAnalyzers"/> binds every method body
/// again to drive any analyzer that looks at code, even one that never asks for semantics (csc instead takes those
/// events from the compilation it emits); running this one measures that floor, so the difference to the TypedFlags
/// row is the analyzers' own work.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
internal sealed class HarnessFloorAnalyzer : DiagnosticAnalyzer
{
    private static readonly DiagnosticDescriptor Nothing = new("BENCH0001", "Nothing", "Nothing", "Benchmark", DiagnosticSeverity.Hidden, isEnabledByDefault: true);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Nothing);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterSyntaxNodeAction(_ => { }, SyntaxKind.ClassDeclaration);
    }
}
