using Microsoft.CodeAnalysis.Diagnostics;

namespace TypedFlags.Generators.Analyzers;

/// <summary>
/// Base of the TypedFlags analyzers: generated code is not analyzed (the generated class references every flag of its
/// own), callbacks run concurrently, and a compilation without flags.yaml gets no callbacks at all — with nothing to
/// check keys against, staying silent beats flagging every key.
/// </summary>
public abstract class FlagCatalogAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc />
    public sealed override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            if (FlagCatalog.For(start.Compilation, start.Options, start.CancellationToken) is { } catalog)
            {
                Start(start, catalog);
            }
        });
    }

    /// <summary>Registers the analyzer's actions for a compilation that declares flags.</summary>
    internal abstract void Start(CompilationStartAnalysisContext context, FlagCatalog catalog);
}
