using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using TypedFlags.Analyzers;

namespace TypedFlags.Generators.Analyzers;

/// <summary>
/// Every C# use of a declared flag: a generated accessor (<c>flags.NewCheckout</c>), a generated <c>Keys</c> constant,
/// or a key string at a <see cref="KeySites"/> place. The staleness and unused-flag rules see the same uses.
/// </summary>
internal static class FlagUses
{
    /// <summary>Calls <paramref name="onUse"/> with the flag, the expression that uses it and its <see cref="DiagnosticProperties.Use"/> kind.</summary>
    public static void Register(CompilationStartAnalysisContext context, FlagCatalog catalog, Action<CatalogFlag, SyntaxNode, string, Action<Diagnostic>> onUse)
    {
        context.RegisterOperationAction(
            operation =>
            {
                if (catalog.FindAccessor(((IPropertyReferenceOperation)operation.Operation).Property) is { } flag)
                {
                    onUse(flag, operation.Operation.Syntax, DiagnosticProperties.Accessor, operation.ReportDiagnostic);
                }
            },
            OperationKind.PropertyReference);

        context.RegisterOperationAction(
            operation =>
            {
                if (catalog.FindKeysConstant(((IFieldReferenceOperation)operation.Operation).Field) is { } flag)
                {
                    onUse(flag, operation.Operation.Syntax, DiagnosticProperties.KeyConstant, operation.ReportDiagnostic);
                }
            },
            OperationKind.FieldReference);

        new KeySites(context.Compilation, catalog).Register(context, (use, report) =>
        {
            // A generated constant is already a use where it is referenced (above), not a second time as a key.
            if (!use.IsGeneratedConstant && catalog.TryGet(use.Key, out var flag))
            {
                onUse(flag, use.Expression, DiagnosticProperties.KeyString, report);
            }
        });
    }
}
