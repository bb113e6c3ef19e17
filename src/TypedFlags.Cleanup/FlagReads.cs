using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace TypedFlags.Cleanup;

/// <summary>
/// Finds the bool expression a reported use of a flag stands in: <c>flags.X.IsEnabled</c>,
/// <c>flags.X.IsEnabledFor(ctx)</c>, <c>flags.X.IsShadowFor(ctx)</c> (always false once the flag is gone), or
/// <c>await features.IsEnabledAsync("x")</c> (with or without <c>ConfigureAwait</c>) for a key.
/// </summary>
internal static class FlagReads
{
    /// <summary>The expression to replace and whether it reads the value (true) or shadow mode (false: always false).</summary>
    public static (ExpressionSyntax Read, bool IsShadow)? Find(SyntaxNode root, TextSpan span)
    {
        if (!root.FullSpan.Contains(span) || root.FindNode(span, getInnermostNodeForTie: true) is not ExpressionSyntax use)
        {
            return null;
        }

        // The outermost expression with exactly the reported span (an argument's node covers the same span, but is no expression).
        while (use.Parent is ExpressionSyntax parent && parent.Span == span)
        {
            use = parent;
        }

        if (use.Parent is MemberAccessExpressionSyntax member && member.Expression == use)
        {
            switch (member.Name.Identifier.ValueText)
            {
                case "IsEnabled":
                    return (member, false);
                case "IsEnabledFor" when member.Parent is InvocationExpressionSyntax invocation && invocation.Expression == member:
                    return (invocation, false);
                case "IsShadowFor" when member.Parent is InvocationExpressionSyntax invocation && invocation.Expression == member:
                    return (invocation, true);
            }

            return null;
        }

        if (use.Parent is ArgumentSyntax { Parent: ArgumentListSyntax { Parent: InvocationExpressionSyntax call } }
            && MethodName(call) == "IsEnabledAsync")
        {
            ExpressionSyntax awaited = call;
            if (call.Parent is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "ConfigureAwait" } configure
                && configure.Parent is InvocationExpressionSyntax configured)
            {
                awaited = configured;
            }

            if (awaited.Parent is AwaitExpressionSyntax awaitExpression)
            {
                return (awaitExpression, false);
            }
        }

        return null;
    }

    private static string? MethodName(InvocationExpressionSyntax call) => call.Expression switch
    {
        MemberAccessExpressionSyntax member => member.Name.Identifier.ValueText,
        IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
        GenericNameSyntax generic => generic.Identifier.ValueText,
        _ => null,
    };

    /// <summary>The literal that replaces a read.</summary>
    public static LiteralExpressionSyntax Literal(bool value) =>
        SyntaxFactory.LiteralExpression(value ? SyntaxKind.TrueLiteralExpression : SyntaxKind.FalseLiteralExpression)
            .WithAdditionalAnnotations(CleanupAnnotations.Inlined);
}
