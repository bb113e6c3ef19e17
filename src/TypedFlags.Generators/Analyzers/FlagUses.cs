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
        var keySites = new KeySites(context.Compilation, catalog);
        var featureTags = new FeatureTagHelperSites();
        Action<KeyUse, Action<Diagnostic>> onKey = (use, report) =>
        {
            if (use.IsGeneratedConstant)
            {
                // Declared by construction, and already a use where the constant is referenced (below).
                return;
            }

            if (catalog.TryGetByName(use.Key, out var flag))
            {
                onUse(flag, use.Expression, DiagnosticProperties.KeyString, report);
            }
            else
            {
                onUndeclaredKey(use, report);
            }
        };

        context.RegisterOperationBlockStartAction(block =>
        {
            // The class TypedFlags generates references every flag of its own, and none of that is a use: its member
            // bodies get no callbacks at all (with 500 flags they are as many operations as the project's own code).
            if (catalog.IsGeneratedByTypedFlags(block.OwningSymbol))
            {
                return;
            }

            block.RegisterOperationAction(
                operation =>
                {
                    if (catalog.FindAccessor(((IPropertyReferenceOperation)operation.Operation).Property) is { } flag)
                    {
                        onUse(flag, operation.Operation.Syntax, DiagnosticProperties.Accessor, operation.ReportDiagnostic);
                    }
                },
                OperationKind.PropertyReference);

            block.RegisterOperationAction(
                operation =>
                {
                    if (catalog.FindKeysConstant(((IFieldReferenceOperation)operation.Operation).Field) is { } flag)
                    {
                        onUse(flag, operation.Operation.Syntax, DiagnosticProperties.KeyConstant, operation.ReportDiagnostic);
                    }
                },
                OperationKind.FieldReference);

            keySites.RegisterOperations(block, onKey);
            featureTags.Register(block, onKey);
        });

        keySites.RegisterAttributes(context, onKey);
    }
}
