using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace TypedFlags.Cleanup;

/// <summary>
/// Reads that no rewrite may touch, whatever the flag's value: what they mean is not "the flag's value".
/// </summary>
internal static class UnsafeReads
{
    /// <summary>Why <paramref name="read"/> must stay as written, or null when it may be inlined.</summary>
    public static SkipReason? Check(ExpressionSyntax read)
    {
        // flags?.X.IsEnabled starts with ".X", bound to a receiver that may be null: the value is "null check and
        // read", and a literal in its place is not even an expression (flags?true).
        if (Leftmost(read) is MemberBindingExpressionSyntax or ElementBindingExpressionSyntax)
        {
            return SkipReason.NullConditional;
        }

        for (var node = read.Parent; node is not null and not StatementSyntax and not MemberDeclarationSyntax; node = node.Parent)
        {
            if (node is InvocationExpressionSyntax { Expression: IdentifierNameSyntax { Identifier.ValueText: "nameof" } })
            {
                return SkipReason.NameOf;
            }
        }

        return null;
    }

    private static ExpressionSyntax Leftmost(ExpressionSyntax expression)
    {
        while (true)
        {
            switch (expression)
            {
                case MemberAccessExpressionSyntax member:
                    expression = member.Expression;
                    break;
                case InvocationExpressionSyntax invocation:
                    expression = invocation.Expression;
                    break;
                case ElementAccessExpressionSyntax element:
                    expression = element.Expression;
                    break;
                case AwaitExpressionSyntax awaited:
                    expression = awaited.Expression;
                    break;
                case PostfixUnaryExpressionSyntax postfix:
                    expression = postfix.Operand;
                    break;
                default:
                    return expression;
            }
        }
    }
}
