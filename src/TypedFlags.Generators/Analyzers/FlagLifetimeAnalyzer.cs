using System.Collections.Immutable;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace TypedFlags.Generators.Analyzers;

/// <summary>TF1103, in flags.yaml: a flag older than its kind's lifetime (counted from <c>created</c>) that has no <c>expires</c>.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class FlagLifetimeAnalyzer : FlagCatalogAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(FlagDescriptors.Overdue);

    /// <inheritdoc />
    internal override void Start(CompilationStartAnalysisContext context, FlagCatalog catalog)
    {
        context.RegisterAdditionalFileAction(file =>
        {
            foreach (var flag in catalog.Flags)
            {
                if (flag.Status is { Overdue: true } status && flag.ManifestPath == file.AdditionalFile.Path)
                {
                    file.ReportDiagnostic(Diagnostic.Create(
                        FlagDescriptors.Overdue,
                        flag.DeclarationLocation,
                        flag.Key,
                        Kind(status.Flag.Kind),
                        status.Flag.Created!.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                        status.LifetimeDays!.Value.ToString(CultureInfo.InvariantCulture)));
                }
            }
        });
    }

    private static string Kind(Manifest.Model.FlagKindModel kind) => kind switch
    {
        Manifest.Model.FlagKindModel.Experiment => "experiment",
        Manifest.Model.FlagKindModel.Operational => "operational",
        Manifest.Model.FlagKindModel.KillSwitch => "kill-switch",
        Manifest.Model.FlagKindModel.Permission => "permission",
        _ => "release",
    };
}
