using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace TypedFlags.Cleanup;

/// <summary>
/// Checks a finished rewrite for what the simplifier cannot see while folding: directives it dropped, a declaration
/// still used after the code it was in went away, an async function left without await, a constant left in front of
/// a pattern, a switch or a loop, constant arithmetic the compiler would reject. A rewrite that fails one of them is
/// retried read by read (see <see cref="StaleFlagRemover.Rewrite"/>).
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

        if (DropsUsedVariable(original, rewritten))
        {
            return SkipReason.UsedDeclaration;
        }

        // if (await features.IsEnabledAsync("x")) was the method's only await: without it, async warns (CS1998), and
        // what to do about the async is a decision for its author.
        if (AsyncWithoutAwait(rewritten) > AsyncWithoutAwait(original))
        {
            return SkipReason.LastAwait;
        }

        foreach (var node in rewritten.GetAnnotatedNodes(CleanupAnnotations.Inlined))
        {
            if ((ConstantMatch(node, switches: false) ?? Unreachable(node)) is { } reason)
            {
                return reason;
            }
        }

        foreach (var node in rewritten.GetAnnotatedNodes(StaleFlagRemover.InlinedValue))
        {
            if (node is ExpressionSyntax value && ConstantArithmetic.Fails(value))
            {
                return SkipReason.ConstantOverflow;
            }

            if (ConstantMatch(node, switches: true) is { } reason)
            {
                return reason;
            }
        }

        return null;
    }

    /// <summary>
    /// A constant tested by what the simplifier could not decide: <c>true is true and var b</c> and <c>-5 is &lt; 0</c>
    /// always match (CS8793); <c>switch (-5)</c> makes every other section unreachable (CS0162). A <c>switch (true)</c>
    /// the simplifier left (its cases have guards) is accepted by the compiler as it is.
    /// </summary>
    private static SkipReason? ConstantMatch(SyntaxNode node, bool switches)
    {
        var outer = node;
        while (outer.Parent is ParenthesizedExpressionSyntax)
        {
            outer = outer.Parent;
        }

        return outer.Parent switch
        {
            IsPatternExpressionSyntax pattern when pattern.Expression == outer => SkipReason.ConstantPattern,
            SwitchStatementSyntax @switch when switches && @switch.Expression == outer => SkipReason.ConstantPattern,
            _ => null,
        };
    }

    /// <summary>
    /// A loop condition the simplifier left constant: <c>for (var i = Start(); false; )</c> never runs its body, and
    /// <c>while (true)</c> with no <c>break</c> never ends, so the code after it is unreachable (CS0162).
    /// </summary>
    private static SkipReason? Unreachable(SyntaxNode node)
    {
        var value = node is ExpressionSyntax expression ? BranchSimplifier.Constant(expression) : null;
        var (condition, body) = node.Parent switch
        {
            WhileStatementSyntax loop => (loop.Condition, loop.Statement),
            ForStatementSyntax loop => (loop.Condition, loop.Statement),
            IfStatementSyntax branch => (branch.Condition, branch.Statement),
            _ => (null, null),
        };
        if (condition != node || value is null || body is null)
        {
            return null;
        }

        if (value is false)
        {
            return SkipReason.Unreachable;
        }

        return node.Parent is IfStatementSyntax || Breaks(body) || !HasNext((StatementSyntax)node.Parent!) ? null : SkipReason.Unreachable;
    }

    /// <summary>Whether a statement comes after <paramref name="statement"/> in its list.</summary>
    private static bool HasNext(StatementSyntax statement)
    {
        SyntaxNode self = statement.Parent is GlobalStatementSyntax global ? global : statement;
        var siblings = self.Parent switch
        {
            BlockSyntax block => block.Statements.Cast<SyntaxNode>().ToList(),
            SwitchSectionSyntax section => section.Statements.Cast<SyntaxNode>().ToList(),
            CompilationUnitSyntax unit => unit.Members.OfType<GlobalStatementSyntax>().Cast<SyntaxNode>().ToList(),
            _ => new List<SyntaxNode>(),
        };
        var index = siblings.IndexOf(self);
        return index >= 0 && index < siblings.Count - 1;
    }

    /// <summary>Whether a loop body leaves the loop by <c>break</c> (not one of a nested loop or switch).</summary>
    private static bool Breaks(StatementSyntax body) =>
        body.DescendantNodesAndSelf(node => node == body || node is not (WhileStatementSyntax or DoStatementSyntax or ForStatementSyntax or CommonForEachStatementSyntax or SwitchStatementSyntax or AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax))
            .Any(node => node is BreakStatementSyntax or ReturnStatementSyntax or ThrowStatementSyntax or GotoStatementSyntax || node.IsKind(SyntaxKind.YieldBreakStatement));

    /// <summary>
    /// Whether a variable declared in an expression the rewrite removed (<c>flag &amp;&amp; int.TryParse(s, out var n)</c>,
    /// <c>is var x</c>) is used after the statement that declared it: it is in scope there, and the use would be CS0103.
    /// </summary>
    private static bool DropsUsedVariable(SyntaxNode original, SyntaxNode rewritten)
    {
        var kept = rewritten.DescendantNodes().OfType<SingleVariableDesignationSyntax>().Select(d => d.Identifier.ValueText).ToList();
        foreach (var group in original.DescendantNodes().OfType<SingleVariableDesignationSyntax>().GroupBy(d => d.Identifier.ValueText))
        {
            if (kept.Count(name => name == group.Key) >= group.Count())
            {
                continue;
            }

            foreach (var designation in group)
            {
                var statement = designation.FirstAncestorOrSelf<StatementSyntax>();
                SyntaxNode? owner = statement?.Parent is GlobalStatementSyntax global ? global : statement;
                if (owner?.Parent is { } scope
                    && scope.DescendantNodes(node => node != owner).OfType<IdentifierNameSyntax>().Any(identifier => identifier.Identifier.ValueText == group.Key))
                {
                    return true;
                }
            }
        }

        return false;
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
