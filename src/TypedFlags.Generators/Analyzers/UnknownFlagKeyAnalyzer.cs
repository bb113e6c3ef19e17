using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using TypedFlags.Analyzers;
using TypedFlags.Manifest.Naming;

namespace TypedFlags.Generators.Analyzers;

/// <summary>TF1001: a constant string used as a flag key that no flags.yaml of the project declares.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class UnknownFlagKeyAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(FlagDescriptors.UnknownKey);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            // No flags.yaml, nothing to check keys against: stay silent rather than flag every key.
            if (FlagCatalog.Create(start.Options, start.CancellationToken) is not { } catalog)
            {
                return;
            }

            new KeySites(start.Compilation, catalog).Register(start, (use, report) =>
            {
                if (catalog.TryGet(use.Key, out _))
                {
                    return;
                }

                var closest = Suggestions.Closest(use.Key, catalog.Keys);
                var properties = ImmutableDictionary<string, string?>.Empty;
                if (closest is not null && catalog.TryGet(closest, out var suggested))
                {
                    properties = properties.Add(DiagnosticProperties.Key, suggested.Key);
                    if (suggested.KeysConstant is { } constant)
                    {
                        properties = properties.Add(DiagnosticProperties.KeysConstant, constant);
                    }
                }

                report(Diagnostic.Create(
                    FlagDescriptors.UnknownKey,
                    use.Expression.GetLocation(),
                    properties,
                    use.Key,
                    closest is null ? string.Empty : "; did you mean '" + closest + "'?"));
            });
        });
    }
}
