using System;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace TypedFlags.Cleanup;

/// <summary>Comparisons of an inlined int, double, string or variant value with what the code compared it to.</summary>
internal static class InlinedValues
{
    /// <summary>
    /// Whether one side is an inlined value and the other side is written the same way: the same literal, or the same
    /// enum member however far it is qualified (<c>global::Ns.Layout.Compact</c> and <c>Layout.Compact</c>).
    /// </summary>
    public static bool Same(ExpressionSyntax left, ExpressionSyntax right)
    {
        if (!left.HasAnnotation(StaleFlagRemover.InlinedValue) && !right.HasAnnotation(StaleFlagRemover.InlinedValue))
        {
            return false;
        }

        left = Unparenthesized(left);
        right = Unparenthesized(right);

        if (left is LiteralExpressionSyntax && right is LiteralExpressionSyntax)
        {
            // Not floating point: a double flag's value is finite, but "same text" is the rule, and 1.0 == 1.0 needs no help.
            return left.Kind() == right.Kind() && !left.IsKind(SyntaxKind.NumericLiteralExpression) && Text(left) == Text(right);
        }

        if (!IsName(left) || !IsName(right))
        {
            return false;
        }

        var a = Text(left);
        var b = Text(right);
        var (longer, shorter) = a.Length >= b.Length ? (a, b) : (b, a);

        // At least Type.Member on both sides: a bare Compact could be anything in scope.
        return shorter.IndexOf('.') > 0
            && (longer == shorter || longer.EndsWith("." + shorter, StringComparison.Ordinal));
    }

    private static ExpressionSyntax Unparenthesized(ExpressionSyntax expression)
    {
        while (expression is ParenthesizedExpressionSyntax parenthesized)
        {
            expression = parenthesized.Expression;
        }

        return expression;
    }

    private static bool IsName(ExpressionSyntax expression) => expression switch
    {
        IdentifierNameSyntax or AliasQualifiedNameSyntax => true,
        MemberAccessExpressionSyntax member => member.IsKind(SyntaxKind.SimpleMemberAccessExpression) && IsName(member.Expression) && member.Name is IdentifierNameSyntax,
        _ => false,
    };

    /// <summary>The tokens without trivia and without <c>global::</c>.</summary>
    private static string Text(ExpressionSyntax expression)
    {
        var text = string.Concat(expression.DescendantTokens().Select(token => token.Text));
        return text.StartsWith("global::", StringComparison.Ordinal) ? text.Substring("global::".Length) : text;
    }
}
