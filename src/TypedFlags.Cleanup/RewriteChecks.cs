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

    private static IEnumerable<string> Directives(SyntaxNode root) =>
        root.DescendantTrivia(descendIntoTrivia: true)
            .Where(trivia => trivia.IsDirective || trivia.IsKind(SyntaxKind.DisabledTextTrivia))
            .Select(trivia => trivia.ToFullString().Trim());
}
