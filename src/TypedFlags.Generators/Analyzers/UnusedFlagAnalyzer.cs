using System.Collections.Concurrent;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

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
            start.RegisterOperationAction(
                operation =>
                {
                    if (catalog.FindAccessor(((IPropertyReferenceOperation)operation.Operation).Property) is { } flag)
                    {
                        referenced.TryAdd(flag.Key, true);
                    }
                },
                OperationKind.PropertyReference);
            start.RegisterOperationAction(
                operation =>
                {
                    if (catalog.FindKeysConstant(((IFieldReferenceOperation)operation.Operation).Field) is { } flag)
                    {
                        referenced.TryAdd(flag.Key, true);
                    }
                },
                OperationKind.FieldReference);
            new KeySites(start.Compilation, catalog).Register(start, (use, _) => referenced.TryAdd(use.Key, true));

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
