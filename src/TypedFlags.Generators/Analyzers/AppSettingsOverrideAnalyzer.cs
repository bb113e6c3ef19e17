using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using TypedFlags.Manifest.Json;

namespace TypedFlags.Generators.Analyzers;

/// <summary>
/// TF2001 and TF2002 in appsettings*.json (AdditionalFiles marked <c>TypedFlagsAppSettings</c> by the package): an
/// override of an undeclared flag, or a value the running app would reject, located at the JSON line and column.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class AppSettingsOverrideAnalyzer : FlagCatalogAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(FlagDescriptors.UndeclaredOverride, FlagDescriptors.InvalidOverride, FlagDescriptors.InvalidOverrideSection);

    /// <inheritdoc />
    internal override void Start(CompilationStartAnalysisContext context, FlagCatalog catalog)
    {
        var provider = context.Options.AnalyzerConfigOptionsProvider;
        context.RegisterAdditionalFileAction(file =>
        {
            if (!ProjectFiles.IsAppSettings(file.AdditionalFile, provider) || file.AdditionalFile.GetText(file.CancellationToken) is not { } text)
            {
                return;
            }

            // A file that is not JSON fails the app at startup with its own error; there is nothing to check here.
            if (JsonDocumentParser.Parse(text.ToString(), file.CancellationToken).Root is JsonObject root)
            {
                new AppSettingsChecker(catalog, file.AdditionalFile.Path, file.ReportDiagnostic).Check(root);
            }
        });
    }
}
