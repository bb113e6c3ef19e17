using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using TypedFlags.Analyzers;

namespace TypedFlags.Generators.Analyzers;

/// <summary>
/// Every C# use of a flag: a generated accessor (<c>flags.NewCheckout</c>), a generated <c>Keys</c> constant, or a
/// key string at a <see cref="KeySites"/> place — declared or not.
/// </summary>
internal static class FlagUses
{
    /// <summary>
    /// Calls <paramref name="onUse"/> with a declared flag, the expression that uses it and its
    /// <see cref="DiagnosticProperties.Use"/> kind, and <paramref name="onUndeclaredKey"/> for a key string that no
    /// flags.yaml declares.
    /// </summary>
    public static void Register(
        CompilationStartAnalysisContext context,
        FlagCatalog catalog,
        Action<CatalogFlag, SyntaxNode, string, Action<Diagnostic>> onUse,
        Action<KeyUse, Action<Diagnostic>> onUndeclaredKey)
    {
        context.RegisterOperationAction(
            operation =>
            {
                if (catalog.FindAccessor(((IPropertyReferenceOperation)operation.Operation).Property) is { } flag
                    && !catalog.IsGeneratedByTypedFlags(operation.ContainingSymbol))
                {
                    onUse(flag, operation.Operation.Syntax, DiagnosticProperties.Accessor, operation.ReportDiagnostic);
                }
            },
            OperationKind.PropertyReference);

        context.RegisterOperationAction(
            operation =>
            {
                if (catalog.FindKeysConstant(((IFieldReferenceOperation)operation.Operation).Field) is { } flag
                    && !catalog.IsGeneratedByTypedFlags(operation.ContainingSymbol))
                {
                    onUse(flag, operation.Operation.Syntax, DiagnosticProperties.KeyConstant, operation.ReportDiagnostic);
                }
            },
            OperationKind.FieldReference);

        new KeySites(context.Compilation, catalog).Register(context, (use, report) =>
        {
            if (use.IsGeneratedConstant)
            {
                // Declared by construction, and already a use where the constant is referenced (above).
                return;
            }

            if (catalog.TryGet(use.Key, out var flag))
            {
                onUse(flag, use.Expression, DiagnosticProperties.KeyString, report);
            }
            else
            {
                onUndeclaredKey(use, report);
            }
        });
    }
}
