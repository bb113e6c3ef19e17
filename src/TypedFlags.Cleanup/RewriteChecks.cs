using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace TypedFlags.Cleanup;

/// <summary>
/// Checks a finished rewrite for what the simplifier cannot see while folding: directives it dropped, a constant
/// left in front of a pattern, constant arithmetic the compiler would reject. A rewrite that fails one of them is
/// undone read by read (see <see cref="StaleFlagRemover.Rewrite"/>).
/// </summary>
internal static class RewriteChecks
{
    /// <summary>The first problem of <paramref name="rewritten"/> compared to <paramref name="original"/>, or null.</summary>
    public static SkipReason? FirstProblem(SyntaxNode original, SyntaxNode rewritten)
    {
        // #if/#else/#endif, #region, #pragma and the text of inactive branches belong to other builds: a rewrite
        // that loses or duplicates any of them changes what those builds compile (or stops them compiling).
        if (!Directives(original).SequenceEqual(Directives(rewritten)))
        {
            return SkipReason.Directives;
        }

        // if (await features.IsEnabledAsync("x")) was the method's only await: without it, async warns (CS1998), and
        // what to do about the async is a decision for its author.
        if (AsyncWithoutAwait(rewritten) > AsyncWithoutAwait(original))
        {
            return SkipReason.LastAwait;
        }

        foreach (var node in rewritten.GetAnnotatedNodes(CleanupAnnotations.Inlined))
        {
            // true is true and var b: always matches (CS8793), but b is still declared; nothing to fold it into.
            if (node.Parent is IsPatternExpressionSyntax pattern && pattern.Expression == node)
            {
                return SkipReason.ConstantPattern;
            }
        }

        foreach (var node in rewritten.GetAnnotatedNodes(StaleFlagRemover.InlinedValue))
        {
            if (node is ExpressionSyntax value && ConstantArithmetic.Fails(value))
            {
                return SkipReason.ConstantOverflow;
            }
        }

        return null;
    }

    private static int AsyncWithoutAwait(SyntaxNode root)
    {
        var count = 0;
        foreach (var node in root.DescendantNodes())
        {
            var (isAsync, body) = node switch
            {
                MethodDeclarationSyntax method => (method.Modifiers.Any(SyntaxKind.AsyncKeyword), (SyntaxNode?)method.Body ?? method.ExpressionBody),
                LocalFunctionStatementSyntax function => (function.Modifiers.Any(SyntaxKind.AsyncKeyword), (SyntaxNode?)function.Body ?? function.ExpressionBody),
                AnonymousFunctionExpressionSyntax lambda => (!lambda.AsyncKeyword.IsKind(SyntaxKind.None), lambda.Body),
                _ => (false, null),
            };
            if (isAsync && body is not null && !Awaits(body))
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>Whether <paramref name="body"/> awaits, not counting functions nested in it.</summary>
    private static bool Awaits(SyntaxNode body) =>
        body.DescendantNodesAndSelf(node => node == body || node is not (AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax))
            .Any(node => node is AwaitExpressionSyntax
                || node is CommonForEachStatementSyntax { AwaitKeyword.RawKind: not 0 }
                || node is UsingStatementSyntax { AwaitKeyword.RawKind: not 0 }
                || node is LocalDeclarationStatementSyntax { AwaitKeyword.RawKind: not 0 });

    private static IEnumerable<string> Directives(SyntaxNode root) =>
        root.DescendantTrivia(descendIntoTrivia: true)
            .Where(trivia => trivia.IsDirective || trivia.IsKind(SyntaxKind.DisabledTextTrivia))
            .Select(trivia => trivia.ToFullString().Trim());
}
