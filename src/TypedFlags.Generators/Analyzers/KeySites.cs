using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using TypedFlags.Manifest.Naming;

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

    // Whether a parameter, field or property carries [FlagKey], itself or through what it overrides or implements;
    // asked again for every call of the same method, so looked up once.
    private readonly ConcurrentDictionary<ISymbol, bool> _marked = new(SymbolEqualityComparer.Default);

    public KeySites(Compilation compilation, FlagCatalog catalog)
    {
        _flagKeyAttribute = compilation.GetTypeByMetadataName(FlagKeyApis.AttributeMetadataName);
        _catalog = catalog;
    }

    /// <summary>Calls <paramref name="onKey"/> for every key passed, assigned or initialized in one operation block.</summary>
    public void RegisterOperations(OperationBlockStartAnalysisContext context, Action<KeyUse, Action<Diagnostic>> onKey)
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
    }

    /// <summary>Calls <paramref name="onKey"/> for every key in an attribute's arguments.</summary>
    public void RegisterAttributes(CompilationStartAnalysisContext context, Action<KeyUse, Action<Diagnostic>> onKey) =>
        context.RegisterSyntaxNodeAction(node => AnalyzeAttribute(node, onKey), SyntaxKind.Attribute);

    private void AnalyzeAttribute(SyntaxNodeAnalysisContext context, Action<KeyUse, Action<Diagnostic>> onKey)
    {
        var attribute = (AttributeSyntax)context.Node;
        if (attribute.ArgumentList is not { Arguments.Count: > 0 } list
            || context.SemanticModel.GetSymbolInfo(attribute, context.CancellationToken).Symbol is not IMethodSymbol constructor)
        {
            return;
        }

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
                isKey = parameter is not null && IsStringOrStrings(parameter.Type) && IsKeyParameter(parameter);
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

        // Microsoft.FeatureManagement names every feature-name parameter feature, features or featureName:
        // IsEnabledAsync, GetVariantAsync, [FeatureGate], WithFeatureGate, UseForFeature, UseMiddlewareForFeature,
        // AddForFeature, WithVariantService. The name test comes before the namespace walk: it rules out almost every call.
        return FlagKeyApis.IsFeatureManagementKeyParameter(parameter.Name)
            && InFeatureManagement(parameter.ContainingSymbol?.ContainingType);
    }

    private bool HasFlagKey(ISymbol symbol)
    {
        if (_flagKeyAttribute is null)
        {
            return false;
        }

        return _marked.GetOrAdd(symbol, s => IsMarked(s, depth: 0));
    }

    private bool IsMarked(ISymbol symbol, int depth)
    {
        foreach (var attribute in symbol.GetAttributes())
        {
            if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, _flagKeyAttribute))
            {
                return true;
            }
        }

        // An override or an interface implementation inherits the mark of the member it implements, so a call on the
        // concrete class is checked like a call through the interface. The depth guards against malformed metadata.
        if (depth > 8)
        {
            return false;
        }

        foreach (var inherited in InheritedFrom(symbol))
        {
            if (IsMarked(inherited, depth + 1))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The members <paramref name="symbol"/> overrides or implements: for a parameter, their parameters at the same position.</summary>
    private static IEnumerable<ISymbol> InheritedFrom(ISymbol symbol)
    {
        if (symbol is IParameterSymbol { ContainingSymbol: IMethodSymbol method } parameter)
        {
            foreach (var implemented in Implemented(method))
            {
                if (implemented is IMethodSymbol other && parameter.Ordinal < other.Parameters.Length)
                {
                    yield return other.Parameters[parameter.Ordinal];
                }
            }

            yield break;
        }

        // A field neither overrides nor implements anything: its mark is its own.
        if (symbol is IPropertySymbol)
        {
            foreach (var implemented in Implemented(symbol))
            {
                yield return implemented;
            }
        }
    }

    private static IEnumerable<ISymbol> Implemented(ISymbol member)
    {
        var overridden = member switch
        {
            IMethodSymbol method => method.OverriddenMethod,
            IPropertySymbol property => property.OverriddenProperty,
            _ => (ISymbol?)null,
        };
        if (overridden is not null)
        {
            yield return overridden;
        }

        if (member.IsStatic || member.ContainingType is not { TypeKind: TypeKind.Class or TypeKind.Struct } type)
        {
            yield break;
        }

        foreach (var explicitly in member switch
        {
            IMethodSymbol method => method.ExplicitInterfaceImplementations.CastArray<ISymbol>(),
            IPropertySymbol property => property.ExplicitInterfaceImplementations.CastArray<ISymbol>(),
            _ => ImmutableArray<ISymbol>.Empty,
        })
        {
            yield return explicitly;
        }

        foreach (var @interface in type.AllInterfaces)
        {
            foreach (var candidate in @interface.GetMembers(member.Name))
            {
                if (SymbolEqualityComparer.Default.Equals(type.FindImplementationForInterfaceMember(candidate), member))
                {
                    yield return candidate;
                }
            }
        }
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
