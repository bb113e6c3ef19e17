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
    /// The value of a comparison between an inlined value and a constant: <c>-5 == 3</c>, <c>-5 &lt; 10</c>,
    /// <c>"a" != "b"</c>, <c>Layout.TwoColumn == Layout.OneColumn</c>. The compiler evaluates these too, and an
    /// <c>if</c> over one that is false has unreachable code (CS0162): the simplifier decides them first.
    /// Null when a side is not a literal or a member of the same enum, or neither side holds an inlined value.
    /// </summary>
    public static bool? Compare(BinaryExpressionSyntax comparison)
    {
        var kind = comparison.Kind();
        var left = comparison.Left;
        var right = comparison.Right;
        if (!Holds(left) && !Holds(right))
        {
            return null;
        }

        var equality = kind is SyntaxKind.EqualsExpression or SyntaxKind.NotEqualsExpression;
        if (equality && Same(left, right))
        {
            return kind == SyntaxKind.EqualsExpression;
        }

        if (equality && OtherMember(Unparenthesized(left), Unparenthesized(right)))
        {
            return kind == SyntaxKind.NotEqualsExpression;
        }

        int? order = null;
        if (ConstantArithmetic.Integer(left) is { } a && ConstantArithmetic.Integer(right) is { } b)
        {
            order = a.CompareTo(b);
        }
        else if (Number(left) is { } x && Number(right) is { } y)
        {
            order = x.CompareTo(y);
        }
        else if (equality && Unparenthesized(left) is LiteralExpressionSyntax { Token.Value: string p } && Unparenthesized(right) is LiteralExpressionSyntax { Token.Value: string q })
        {
            order = string.CompareOrdinal(p, q) == 0 ? 0 : 1;
        }

        return order is not { } c ? null : kind switch
        {
            SyntaxKind.EqualsExpression => c == 0,
            SyntaxKind.NotEqualsExpression => c != 0,
            SyntaxKind.LessThanExpression => c < 0,
            SyntaxKind.LessThanOrEqualExpression => c <= 0,
            SyntaxKind.GreaterThanExpression => c > 0,
            SyntaxKind.GreaterThanOrEqualExpression => c >= 0,
            _ => null,
        };
    }

    private static bool Holds(ExpressionSyntax side) =>
        side.DescendantNodesAndSelf().Any(node => node.HasAnnotation(StaleFlagRemover.InlinedValue));

    /// <summary>A double literal, or one with a minus (2.0, (-1.5)); null for anything else.</summary>
    private static double? Number(ExpressionSyntax expression)
    {
        expression = Unparenthesized(expression);
        var negate = false;
        if (expression is PrefixUnaryExpressionSyntax minus && minus.IsKind(SyntaxKind.UnaryMinusExpression))
        {
            negate = true;
            expression = Unparenthesized(minus.Operand);
        }

        return expression is LiteralExpressionSyntax { Token.Value: double or float or int or long } literal
            ? (negate ? -1 : 1) * System.Convert.ToDouble(literal.Token.Value, System.Globalization.CultureInfo.InvariantCulture)
            : null;
    }

    /// <summary>Two members of one enum, written as Type.Member, with different names: generated variants have distinct values.</summary>
    private static bool OtherMember(ExpressionSyntax left, ExpressionSyntax right)
    {
        if (!IsName(left) || !IsName(right) || left is not MemberAccessExpressionSyntax || right is not MemberAccessExpressionSyntax)
        {
            return false;
        }

        var a = Text(left);
        var b = Text(right);
        var (typeA, memberA) = (a.Substring(0, a.LastIndexOf('.')), a.Substring(a.LastIndexOf('.') + 1));
        var (typeB, memberB) = (b.Substring(0, b.LastIndexOf('.')), b.Substring(b.LastIndexOf('.') + 1));
        var (longer, shorter) = typeA.Length >= typeB.Length ? (typeA, typeB) : (typeB, typeA);
        return memberA != memberB && (longer == shorter || longer.EndsWith("." + shorter, StringComparison.Ordinal));
    }

    /// <summary>
    /// Whether one side is an inlined value and the other side is written the same way: the same literal, or the same
    /// enum member however far it is qualified (<c>global::Ns.Layout.Compact</c> and <c>Layout.Compact</c>).
    /// </summary>
    private static bool Same(ExpressionSyntax left, ExpressionSyntax right)
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
