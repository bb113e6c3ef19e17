using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace TypedFlags.Cleanup;

/// <summary>
/// Expressions the rewrite may drop without changing what the program does: literals, names, member reads and
/// operators over them. Calls, object creation, assignments and awaits are never dropped.
/// </summary>
internal static class PureExpressions
{
    public static bool IsPure(ExpressionSyntax expression) => expression switch
    {
        LiteralExpressionSyntax or IdentifierNameSyntax or ThisExpressionSyntax or BaseExpressionSyntax
            or DefaultExpressionSyntax or TypeOfExpressionSyntax or PredefinedTypeSyntax => true,
        ParenthesizedExpressionSyntax parenthesized => IsPure(parenthesized.Expression),
        MemberAccessExpressionSyntax member => member.IsKind(SyntaxKind.SimpleMemberAccessExpression) && IsPure(member.Expression),
        PrefixUnaryExpressionSyntax unary => unary.IsKind(SyntaxKind.LogicalNotExpression) || unary.IsKind(SyntaxKind.UnaryMinusExpression) || unary.IsKind(SyntaxKind.UnaryPlusExpression)
            ? IsPure(unary.Operand)
            : false,
        BinaryExpressionSyntax binary => IsPure(binary.Left) && IsPure(binary.Right),
        ConditionalExpressionSyntax conditional => IsPure(conditional.Condition) && IsPure(conditional.WhenTrue) && IsPure(conditional.WhenFalse),
        InvocationExpressionSyntax { Expression: IdentifierNameSyntax { Identifier.ValueText: "nameof" } } => true,
        _ => false,
    };
}
