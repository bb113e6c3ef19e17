using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace TypedFlags.Generators.Analyzers;

/// <summary>
/// Finds the places a string is used as a flag key: arguments of parameters marked <c>[FlagKey]</c> (the TypedFlags
/// APIs and users' own wrappers), assignments to <c>[FlagKey]</c> fields and properties, Microsoft.FeatureManagement's
/// <c>IsEnabledAsync</c>/<c>GetVariantAsync</c> and <c>[FeatureGate]</c>. Values are read as compile-time constants
/// through the semantic model, so literals, <c>const</c> fields, concatenations and <c>nameof</c> all count.
/// </summary>
internal sealed class KeySites
{
    private readonly INamedTypeSymbol? _flagKeyAttribute;
    private readonly FlagCatalog _catalog;

    public KeySites(Compilation compilation, FlagCatalog catalog)
    {
        _flagKeyAttribute = compilation.GetTypeByMetadataName("TypedFlags.FlagKeyAttribute");
        _catalog = catalog;
    }

    /// <summary>Calls <paramref name="onKey"/> for every key use in the compilation's (non-generated) code.</summary>
    public void Register(CompilationStartAnalysisContext context, Action<KeyUse, Action<Diagnostic>> onKey)
    {
        context.RegisterOperationAction(
            operation =>
            {
                // Attribute arguments are handled from syntax below, whichever compiler version runs us.
                if (operation.Operation.Syntax is AttributeSyntax)
                {
                    return;
                }

                var arguments = operation.Operation switch
                {
                    IInvocationOperation invocation => invocation.Arguments,
                    IObjectCreationOperation creation => creation.Arguments,
                    _ => default,
                };

                if (arguments.IsDefaultOrEmpty)
                {
                    return;
                }

                foreach (var argument in arguments)
                {
                    // Cheapest test first: this runs for every argument of every call in the project, and a key is
                    // a constant string or a params string[]; only then are the parameter's attributes read.
                    if (argument.Parameter is { } parameter
                        && (argument.Value.ConstantValue is { HasValue: true, Value: string } || argument.Value is IArrayCreationOperation)
                        && IsStringOrStrings(parameter.Type)
                        && IsKeyParameter(parameter))
                    {
                        Report(argument.Value, operation.ReportDiagnostic, onKey);
                    }
                }
            },
            OperationKind.Invocation,
            OperationKind.ObjectCreation);

        if (_flagKeyAttribute is not null)
        {
            context.RegisterOperationAction(
                operation =>
                {
                    var assignment = (ISimpleAssignmentOperation)operation.Operation;
                    var member = assignment.Target switch
                    {
                        IPropertyReferenceOperation property => (ISymbol)property.Property,
                        IFieldReferenceOperation field => field.Field,
                        _ => null,
                    };

                    if (member is not null && HasFlagKey(member))
                    {
                        Report(assignment.Value, operation.ReportDiagnostic, onKey);
                    }
                },
                OperationKind.SimpleAssignment);

            context.RegisterOperationAction(
                operation =>
                {
                    var initializer = (IFieldInitializerOperation)operation.Operation;
                    foreach (var field in initializer.InitializedFields)
                    {
                        if (HasFlagKey(field))
                        {
                            Report(initializer.Value, operation.ReportDiagnostic, onKey);
                            break;
                        }
                    }
                },
                OperationKind.FieldInitializer);
        }

        context.RegisterSyntaxNodeAction(node => AnalyzeAttribute(node, onKey), SyntaxKind.Attribute);
    }

    private void AnalyzeAttribute(SyntaxNodeAnalysisContext context, Action<KeyUse, Action<Diagnostic>> onKey)
    {
        var attribute = (AttributeSyntax)context.Node;
        if (attribute.ArgumentList is not { Arguments.Count: > 0 } list
            || context.SemanticModel.GetSymbolInfo(attribute, context.CancellationToken).Symbol is not IMethodSymbol constructor)
        {
            return;
        }

        var featureGate = constructor.ContainingType.Name == "FeatureGateAttribute" && InFeatureManagement(constructor.ContainingType);
        var positional = 0;
        foreach (var argument in list.Arguments)
        {
            bool isKey;
            if (argument.NameEquals is { } nameEquals)
            {
                // Named property or field of the attribute.
                isKey = FindMember(constructor.ContainingType, nameEquals.Name.Identifier.ValueText) is { } member && HasFlagKey(member);
            }
            else
            {
                var parameter = argument.NameColon is { } nameColon
                    ? FindParameter(constructor, nameColon.Name.Identifier.ValueText)
                    : positional < constructor.Parameters.Length ? constructor.Parameters[positional] : LastParams(constructor);
                positional++;
                isKey = parameter is not null && (HasFlagKey(parameter) || (featureGate && IsStringOrStrings(parameter.Type)));
            }

            if (isKey)
            {
                ReportSyntax(argument.Expression, context.SemanticModel, context.ReportDiagnostic, onKey, context.CancellationToken);
            }
        }
    }

    private void Report(IOperation value, Action<Diagnostic> report, Action<KeyUse, Action<Diagnostic>> onKey)
    {
        if (value is IArrayCreationOperation { Initializer: { } initializer })
        {
            // params string[] keys, implicit or written out.
            foreach (var element in initializer.ElementValues)
            {
                Report(element, report, onKey);
            }

            return;
        }

        if (value.ConstantValue is { HasValue: true, Value: string key })
        {
            var unwrapped = value;
            while (unwrapped is IConversionOperation conversion)
            {
                unwrapped = conversion.Operand;
            }

            var generated = unwrapped is IFieldReferenceOperation field && _catalog.FindKeysConstant(field.Field) is not null;
            onKey(new KeyUse(key, value.Syntax, generated), report);
        }
    }

    private void ReportSyntax(ExpressionSyntax expression, SemanticModel model, Action<Diagnostic> report, Action<KeyUse, Action<Diagnostic>> onKey, System.Threading.CancellationToken cancellationToken)
    {
        var target = expression;
        while (target is ParenthesizedExpressionSyntax parenthesized)
        {
            target = parenthesized.Expression;
        }

        if (target is ArrayCreationExpressionSyntax { Initializer: { } arrayInitializer })
        {
            ReportElements(arrayInitializer.Expressions);
            return;
        }

        if (target is ImplicitArrayCreationExpressionSyntax implicitArray)
        {
            ReportElements(implicitArray.Initializer.Expressions);
            return;
        }

        if (model.GetConstantValue(target, cancellationToken) is { HasValue: true, Value: string key })
        {
            var generated = model.GetSymbolInfo(target, cancellationToken).Symbol is IFieldSymbol field && _catalog.FindKeysConstant(field) is not null;
            onKey(new KeyUse(key, target, generated), report);
        }

        void ReportElements(SeparatedSyntaxList<ExpressionSyntax> elements)
        {
            foreach (var element in elements)
            {
                ReportSyntax(element, model, report, onKey, cancellationToken);
            }
        }
    }

    private bool IsKeyParameter(IParameterSymbol parameter)
    {
        if (HasFlagKey(parameter))
        {
            return true;
        }

        // Microsoft.FeatureManagement: IsEnabledAsync(string feature, ...) and GetVariantAsync(string feature, ...).
        return parameter.ContainingSymbol is IMethodSymbol { Name: "IsEnabledAsync" or "GetVariantAsync" } method
            && parameter.Type.SpecialType == SpecialType.System_String
            && InFeatureManagement(method.ContainingType);
    }

    private bool HasFlagKey(ISymbol symbol)
    {
        if (_flagKeyAttribute is null)
        {
            return false;
        }

        foreach (var attribute in symbol.GetAttributes())
        {
            if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, _flagKeyAttribute))
            {
                return true;
            }
        }

        // An override or interface implementation inherits the mark of the member it implements.
        if (symbol is IParameterSymbol { ContainingSymbol: IMethodSymbol { OverriddenMethod: { } overridden } } parameter
            && parameter.Ordinal < overridden.Parameters.Length)
        {
            return HasFlagKey(overridden.Parameters[parameter.Ordinal]);
        }

        return false;
    }

    /// <summary>True for a type in Microsoft.FeatureManagement or a namespace below it; compares names, no formatting.</summary>
    private static bool InFeatureManagement(INamedTypeSymbol? type)
    {
        for (var ns = type?.ContainingNamespace; ns is { IsGlobalNamespace: false }; ns = ns.ContainingNamespace)
        {
            if (ns.Name == "FeatureManagement")
            {
                return ns.ContainingNamespace is { Name: "Microsoft", ContainingNamespace.IsGlobalNamespace: true };
            }
        }

        return false;
    }

    private static bool IsStringOrStrings(ITypeSymbol type) =>
        type.SpecialType == SpecialType.System_String || type is IArrayTypeSymbol { ElementType.SpecialType: SpecialType.System_String };

    private static ISymbol? FindMember(INamedTypeSymbol type, string name)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            foreach (var member in current.GetMembers(name))
            {
                if (member is IPropertySymbol or IFieldSymbol)
                {
                    return member;
                }
            }
        }

        return null;
    }

    private static IParameterSymbol? FindParameter(IMethodSymbol method, string name)
    {
        foreach (var parameter in method.Parameters)
        {
            if (parameter.Name == name)
            {
                return parameter;
            }
        }

        return null;
    }

    private static IParameterSymbol? LastParams(IMethodSymbol method) =>
        method.Parameters.Length > 0 && method.Parameters[method.Parameters.Length - 1].IsParams ? method.Parameters[method.Parameters.Length - 1] : null;
}
