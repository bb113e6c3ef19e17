using System.Collections.Concurrent;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace TypedFlags.Generators.Analyzers;

/// <summary>
/// TF1104, in flags.yaml: a flag that no C# code of the project references — by accessor, generated <c>Keys</c>
/// constant or key string. Needs the whole compilation, so it runs at compilation end (full-solution analysis in the IDE).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class UnusedFlagAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(FlagDescriptors.Unreferenced);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        // Generated code is skipped: the generated class references every flag of its own.
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            if (FlagCatalog.Create(start.Options, start.CancellationToken) is not { } catalog)
            {
                return;
            }

            var referenced = new ConcurrentDictionary<string, bool>(System.StringComparer.OrdinalIgnoreCase);
            FlagUses.Register(start, catalog, (flag, _, _, _) => referenced.TryAdd(flag.Key, true));

            start.RegisterCompilationEndAction(end =>
            {
                foreach (var flag in catalog.Flags)
                {
                    if (flag.Model is not null && !referenced.ContainsKey(flag.Key))
                    {
                        end.ReportDiagnostic(Diagnostic.Create(FlagDescriptors.Unreferenced, flag.DeclarationLocation, flag.Key));
                    }
                }
            });
        });
    }
}
