using Microsoft.CodeAnalysis.Diagnostics;

namespace TypedFlags.Generators.Analyzers;

/// <summary>
/// Base of the TypedFlags analyzers: nothing is reported in generated code, but it is analyzed, so a flag read only
/// from generated code (a Razor view) still counts as referenced for TF1104; the class TypedFlags generates, which
/// references every flag of its own, is skipped (<see cref="FlagCatalog.IsGeneratedByTypedFlags"/>). Callbacks run
/// concurrently, and a compilation without flags.yaml gets no callbacks at all — with nothing to check keys against,
/// staying silent beats flagging every key.
/// </summary>
public abstract class FlagCatalogAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc />
    public sealed override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze);
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
