using System;
using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;

namespace TypedFlags.Generators.Analyzers;

/// <summary>
/// <c>&lt;feature name="..."&gt;</c> in Razor views and pages, as the analyzers see it: the Razor source generator
/// turns the tag into C# that assigns Microsoft.FeatureManagement's <c>FeatureTagHelper.Name</c>, from a literal or
/// (for a static attribute, the common case) from a static <c>TagHelperAttribute("name", "Home", ...)</c> field. Each
/// comma-separated name is a key use, so TF1001 checks it and TF1104 counts it. The Razor file is among the
/// compilation's additional files, so a diagnostic points at the attribute in the .cshtml rather than at generated code.
/// </summary>
internal sealed class FeatureTagHelperSites
{
    private static readonly Regex LineDirectiveFile = new(@"^\s*#line\b[^""\r\n]*""(?<path>[^""]+)""", RegexOptions.Multiline | RegexOptions.CultureInvariant);

    // A static attribute is one field shared by every tag that writes the same value: its names are reported once.
    private readonly ConcurrentDictionary<ISymbol, bool> _seenFields = new(SymbolEqualityComparer.Default);

    public void Register(OperationBlockStartAnalysisContext context, Action<KeyUse, Action<Diagnostic>> onKey) =>
        context.RegisterOperationAction(operation => Analyze(operation, onKey), OperationKind.SimpleAssignment);

    private void Analyze(OperationAnalysisContext context, Action<KeyUse, Action<Diagnostic>> onKey)
    {
        var assignment = (ISimpleAssignmentOperation)context.Operation;
        if (assignment.Target is not IPropertyReferenceOperation { Property: { Name: "Name" } property } || !IsFeatureTagHelper(property.ContainingType))
        {
            return;
        }

        var (names, syntax) = NamesOf(assignment.Value);
        if (names is null || syntax is null)
        {
            return;
        }

        foreach (var part in names.Split(','))
        {
            var name = part.Trim();
            if (name.Length > 0)
            {
                onKey(new KeyUse(name, syntax, false) { At = RazorLocation(context, syntax, name) }, context.ReportDiagnostic);
            }
        }
    }

    /// <summary>The assigned text and the syntax that holds it, or nulls when it is not a constant.</summary>
    private (string? Names, SyntaxNode? Syntax) NamesOf(IOperation value)
    {
        if (value.ConstantValue is { HasValue: true, Value: string literal })
        {
            return (literal, value.Syntax);
        }

        while (value is IConversionOperation conversion)
        {
            value = conversion.Operand;
        }

        // (string)__tagHelperAttribute_0.Value, the field initialized with new TagHelperAttribute("name", "Home", style).
        if (value is IPropertyReferenceOperation { Property.Name: "Value", Instance: IFieldReferenceOperation { Field: { IsStatic: true } field } }
            && _seenFields.TryAdd(field, true)
            && field.DeclaringSyntaxReferences.Length == 1
            && field.DeclaringSyntaxReferences[0].GetSyntax() is VariableDeclaratorSyntax { Initializer.Value: BaseObjectCreationExpressionSyntax { ArgumentList.Arguments: { Count: >= 2 } arguments } }
            && arguments[1].Expression is LiteralExpressionSyntax literalSyntax
            && literalSyntax.IsKind(SyntaxKind.StringLiteralExpression))
        {
            return (literalSyntax.Token.ValueText, literalSyntax);
        }

        return (null, null);
    }

    /// <summary>
    /// Where <paramref name="name"/> is written in the Razor file the generated tree comes from (named by its
    /// <c>#line</c> directives): the first <c>name="..."</c> attribute that lists it. Null when the file is not an
    /// additional file, and the diagnostic stays on the generated code.
    /// </summary>
    private static Location? RazorLocation(OperationAnalysisContext context, SyntaxNode syntax, string name)
    {
        var tree = syntax.SyntaxTree;
        var match = LineDirectiveFile.Match(tree.GetText(context.CancellationToken).ToString());
        if (!match.Success)
        {
            return null;
        }

        var path = match.Groups["path"].Value;
        foreach (var file in context.Options.AdditionalFiles)
        {
            if (!string.Equals(file.Path, path, StringComparison.OrdinalIgnoreCase) || file.GetText(context.CancellationToken) is not { } text)
            {
                continue;
            }

            var attribute = new Regex(@"\bname\s*=\s*([""'])(?<list>[^""']*)\1", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
            foreach (Match candidate in attribute.Matches(text.ToString()))
            {
                var list = candidate.Groups["list"];
                var offset = 0;
                foreach (var part in list.Value.Split(','))
                {
                    var trimmed = part.Trim();
                    if (trimmed == name)
                    {
                        var span = new TextSpan(list.Index + offset + part.IndexOf(trimmed, StringComparison.Ordinal), trimmed.Length);
                        return Location.Create(path, span, text.Lines.GetLinePositionSpan(span));
                    }

                    offset += part.Length + 1;
                }
            }
        }

        return null;
    }

    private static bool IsFeatureTagHelper(INamedTypeSymbol? type) =>
        type is { Name: "FeatureTagHelper", ContainingNamespace: { Name: "TagHelpers", ContainingNamespace: { Name: "Mvc", ContainingNamespace: { Name: "FeatureManagement", ContainingNamespace: { Name: "Microsoft", ContainingNamespace.IsGlobalNamespace: true } } } } };
}
