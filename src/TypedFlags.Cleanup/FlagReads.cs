using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace TypedFlags.Cleanup;

/// <summary>
/// Finds the bool expression a reported use of a flag stands in: <c>flags.X.IsEnabled</c>,
/// <c>flags.X.IsEnabledFor(ctx)</c>, <c>flags.X.IsShadowFor(ctx)</c> (always false once the flag is gone), or
/// <c>await features.IsEnabledAsync("x")</c> (with or without <c>ConfigureAwait</c>) for a key; or the value of an
/// int, double, string or variant flag: <c>flags.X.Value</c>, <c>flags.X.GetValue(ctx)</c>.
/// </summary>
internal static class FlagReads
{
    /// <summary>The expression to replace and what it reads.</summary>
    public static (ExpressionSyntax Read, FlagReadKind Kind)? Find(SyntaxNode root, TextSpan span)
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
                    return (member, FlagReadKind.Bool);
                case "IsEnabledFor" when member.Parent is InvocationExpressionSyntax invocation && invocation.Expression == member:
                    return (invocation, FlagReadKind.Bool);
                case "IsShadowFor" when member.Parent is InvocationExpressionSyntax invocation && invocation.Expression == member:
                    return (invocation, FlagReadKind.Shadow);
                case "Value":
                    return (member, FlagReadKind.Value);
                case "GetValue" when member.Parent is InvocationExpressionSyntax invocation && invocation.Expression == member:
                    return (invocation, FlagReadKind.Value);
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
                return (awaitExpression, FlagReadKind.Bool);
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

    /// <summary>
    /// The expression that replaces a value read. A negative number read as <c>flags.X.Value.ToString()</c> must
    /// become <c>(-5).ToString()</c>, and <c>x-flags.X.Value</c> must not become <c>x--5</c>: outside a position
    /// that takes a whole expression, a negative number gets parentheses.
    /// </summary>
    public static ExpressionSyntax Value(string expression, ExpressionSyntax read)
    {
        var parsed = SyntaxFactory.ParseExpression(expression);
        var whole = read.Parent is EqualsValueClauseSyntax or ArgumentSyntax or ReturnStatementSyntax or ArrowExpressionClauseSyntax
            or ParenthesizedExpressionSyntax or InitializerExpressionSyntax or ExpressionStatementSyntax
            || (read.Parent is AssignmentExpressionSyntax assignment && assignment.Right == read);
        return !whole && parsed is PrefixUnaryExpressionSyntax ? SyntaxFactory.ParenthesizedExpression(parsed) : parsed;
    }

    /// <summary>The literal that replaces a read.</summary>
    public static LiteralExpressionSyntax Literal(bool value) =>
        SyntaxFactory.LiteralExpression(value ? SyntaxKind.TrueLiteralExpression : SyntaxKind.FalseLiteralExpression)
            .WithAdditionalAnnotations(CleanupAnnotations.Inlined);
}

/// <summary>What a reported use of a flag reads.</summary>
public enum FlagReadKind
{
    /// <summary>Not a read the remover can inline.</summary>
    None,

    /// <summary>Whether a bool flag is on: becomes its final value.</summary>
    Bool,

    /// <summary>Whether a bool flag is in shadow mode: always false once the flag is gone.</summary>
    Shadow,

    /// <summary>The value of an int, double, string or variant flag: becomes its final value's expression.</summary>
    Value,
}
