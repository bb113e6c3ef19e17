using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using TypedFlags.Generators.Diagnostics;

namespace TypedFlags.Generators.Analyzers;

/// <summary>
/// The rules that look at how C# reaches flags: TF1001 (unknown key), TF1101/TF1102 (stale flag, at every use and
/// once in flags.yaml) and TF1104 (flag never referenced).
/// </summary>
/// <remarks>
/// One analyzer, one walk: the three rules need the same accessor, <c>Keys</c> constant and key-string lookups, and
/// running them as separate analyzers made Roslyn call three sets of callbacks for every invocation and property
/// reference of the project. Each rule keeps its logic in its own class.
/// </remarks>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class FlagReferenceAnalyzer : FlagCatalogAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        FlagDescriptors.UnknownKey,
        FlagDescriptors.Expired,
        FlagDescriptors.Launched,
        FlagDescriptors.Unreferenced);

    /// <inheritdoc />
    internal override void Start(CompilationStartAnalysisContext context, FlagCatalog catalog)
    {
        var unknown = new UnknownKeyRule(catalog);
        var stale = new StaleFlagRule(catalog);
        var unused = new UnusedFlagRule(catalog);

        context.RegisterAdditionalFileAction(stale.AnalyzeManifest);
        FlagUses.Register(
            context,
            catalog,
            onUse: (flag, expression, use, report) =>
            {
                unused.Referenced(flag);
                stale.AnalyzeUse(flag, expression, use, report);
            },
            onUndeclaredKey: unknown.Report);
        context.RegisterCompilationEndAction(unused.Report);
    }
}
