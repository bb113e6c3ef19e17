using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace TypedFlags.Cleanup;

/// <summary>
/// One bottom-up pass that folds constant bool expressions (<c>!</c>, <c>&amp;&amp;</c>, <c>||</c>, <c>==</c>, <c>!=</c>,
/// <c>is true</c>/<c>is not false</c>, <c>?:</c>, switch expressions, parentheses) and picks the live branch of an <c>if</c> with a constant condition. Statement lists
/// (blocks, switch sections, top-level statements) then splice the chosen branch in and drop what became unreachable.
/// </summary>
internal sealed class BranchSimplifier : CSharpSyntaxRewriter
{
    public bool Changed { get; private set; }

    public override SyntaxNode? VisitParenthesizedExpression(ParenthesizedExpressionSyntax node)
    {
        var visited = (ParenthesizedExpressionSyntax)base.VisitParenthesizedExpression(node)!;
        if (Constant(visited.Expression) is { } value)
        {
            return Fold(visited, value);
        }

        // (flag ? 1 : 0) folded to (1): a literal or a name needs no parentheses. Ones the author wrote around a literal stay.
        return visited.Expression is LiteralExpressionSyntax or IdentifierNameSyntax && node.Expression is not (LiteralExpressionSyntax or IdentifierNameSyntax)
            ? Keep(visited, visited.Expression)
            : visited;
    }

    public override SyntaxNode? VisitPrefixUnaryExpression(PrefixUnaryExpressionSyntax node)
    {
        var visited = (PrefixUnaryExpressionSyntax)base.VisitPrefixUnaryExpression(node)!;
        return visited.IsKind(SyntaxKind.LogicalNotExpression) && Constant(visited.Operand) is { } value ? Fold(visited, !value) : visited;
    }

    public override SyntaxNode? VisitBinaryExpression(BinaryExpressionSyntax node)
    {
        var visited = (BinaryExpressionSyntax)base.VisitBinaryExpression(node)!;
        if (InlinedValues.Compare(visited) is { } decided)
        {
            // Layout.TwoColumn == Layout.TwoColumn (CS1718 as written), -5 > 10 (a constant: CS0162 under an if).
            return Fold(visited, decided);
        }

        var left = Constant(visited.Left);
        var right = Constant(visited.Right);
        switch (visited.Kind())
        {
            case SyntaxKind.LogicalAndExpression:
                if (left is false)
                {
                    return Fold(visited, false);
                }

                if (left is true)
                {
                    return Keep(visited, visited.Right);
                }

                if (right is true)
                {
                    return Keep(visited, visited.Left);
                }

                // x && false is false only when evaluating x had no effect.
                return right is false && PureExpressions.IsPure(visited.Left) ? Fold(visited, false) : visited;
            case SyntaxKind.LogicalOrExpression:
                if (left is true)
                {
                    return Fold(visited, true);
                }

                if (left is false)
                {
                    return Keep(visited, visited.Right);
                }

                if (right is false)
                {
                    return Keep(visited, visited.Left);
                }

                return right is true && PureExpressions.IsPure(visited.Left) ? Fold(visited, true) : visited;
            case SyntaxKind.EqualsExpression when left is { } l && right is { } r:
                return Fold(visited, l == r);
            case SyntaxKind.NotEqualsExpression when left is { } l && right is { } r:
                return Fold(visited, l != r);
            default:
                return visited;
        }
    }

    public override SyntaxNode? VisitIsPatternExpression(IsPatternExpressionSyntax node)
    {
        // flag is true, flag is false, flag is not true: the == of patterns.
        var visited = (IsPatternExpressionSyntax)base.VisitIsPatternExpression(node)!;
        return Constant(visited.Expression) is { } value && Matches(visited.Pattern, value) is { } matches ? Fold(visited, matches) : visited;
    }

    public override SyntaxNode? VisitSwitchExpression(SwitchExpressionSyntax node)
    {
        var visited = (SwitchExpressionSyntax)base.VisitSwitchExpression(node)!;
        if (Constant(visited.GoverningExpression) is not { } value)
        {
            return visited;
        }

        // The first arm that matches wins; an arm with a guard or a pattern beyond bool constants leaves it undecided.
        foreach (var arm in visited.Arms)
        {
            if (Matches(arm.Pattern, value) is not { } matches || (matches && arm.WhenClause is not null))
            {
                return visited;
            }

            if (matches)
            {
                return Keep(visited, Parenthesized(arm.Expression, node));
            }
        }

        return visited;
    }

    public override SyntaxNode? VisitConditionalExpression(ConditionalExpressionSyntax node)
    {
        var visited = (ConditionalExpressionSyntax)base.VisitConditionalExpression(node)!;
        return Constant(visited.Condition) is { } value ? Keep(visited, value ? visited.WhenTrue : visited.WhenFalse) : visited;
    }

    public override SyntaxNode? VisitIfStatement(IfStatementSyntax node)
    {
        var visited = (IfStatementSyntax)base.VisitIfStatement(node)!;

        // else if (constant): the nested if was left for us to resolve.
        if (visited.Else is { Statement: IfStatementSyntax nested } elseClause && Constant(nested.Condition) is { } nestedValue)
        {
            Changed = true;
            if (nestedValue)
            {
                visited = visited.WithElse(ElseOf(elseClause, nested));
            }
            else if (nested.Else is { } nestedElse)
            {
                visited = visited.WithElse(nestedElse.WithElseKeyword(nestedElse.ElseKeyword.WithLeadingTrivia(elseClause.ElseKeyword.LeadingTrivia)));
            }
            else
            {
                visited = visited.WithElse(null);
            }
        }

        if (Constant(visited.Condition) is not { } value)
        {
            return visited;
        }

        // In a statement list (or an else clause) the owner resolves it: it can splice the branch in and drop what follows a jump.
        if (node.Parent is BlockSyntax or SwitchSectionSyntax or GlobalStatementSyntax or ElseClauseSyntax)
        {
            return visited;
        }

        Changed = true;
        var chosen = value ? visited.Statement : visited.Else?.Statement;
        return chosen is null
            ? SyntaxFactory.Block().WithTriviaFrom(visited)
            : Indentation.WithLineEndOf(chosen, visited).WithLeadingTrivia(visited.GetLeadingTrivia());
    }

    public override SyntaxNode? VisitBlock(BlockSyntax node)
    {
        var visited = (BlockSyntax)base.VisitBlock(node)!;
        var statements = StatementLists.Rewrite(visited.Statements, out var changed);
        Changed |= changed;
        return changed ? visited.WithStatements(statements) : visited;
    }

    public override SyntaxNode? VisitSwitchSection(SwitchSectionSyntax node)
    {
        var visited = (SwitchSectionSyntax)base.VisitSwitchSection(node)!;
        var statements = StatementLists.Rewrite(visited.Statements, out var changed);
        Changed |= changed;
        return changed ? visited.WithStatements(statements) : visited;
    }

    public override SyntaxNode? VisitCompilationUnit(CompilationUnitSyntax node)
    {
        var visited = (CompilationUnitSyntax)base.VisitCompilationUnit(node)!;
        var members = StatementLists.RewriteTopLevel(visited.Members, out var changed);
        Changed |= changed;
        return changed ? visited.WithMembers(members) : visited;
    }

    /// <summary>
    /// <c>else</c> followed by the branch of <c>else if (true)</c>. A branch on its own line below the condition keeps
    /// its line: <c>else</c> takes over the line end the condition had, so a block's brace stays where it was.
    /// </summary>
    private static ElseClauseSyntax ElseOf(ElseClauseSyntax elseClause, IfStatementSyntax nested)
    {
        var branch = nested.Statement;
        if (Indentation.Line(branch.GetFirstToken()) == Indentation.Line(nested.IfKeyword))
        {
            return elseClause.WithStatement(branch.WithLeadingTrivia(nested.GetLeadingTrivia()));
        }

        return elseClause
            .WithElseKeyword(elseClause.ElseKeyword.WithTrailingTrivia(nested.CloseParenToken.TrailingTrivia))
            .WithStatement(branch);
    }

    /// <summary>An arm's expression where the whole switch expression stood: parenthesized unless it is atomic or stands alone.</summary>
    private static ExpressionSyntax Parenthesized(ExpressionSyntax expression, ExpressionSyntax replaced) =>
        expression is LiteralExpressionSyntax or IdentifierNameSyntax or InvocationExpressionSyntax or MemberAccessExpressionSyntax or ParenthesizedExpressionSyntax
            || replaced.Parent is EqualsValueClauseSyntax or ArgumentSyntax or ReturnStatementSyntax or ArrowExpressionClauseSyntax or ParenthesizedExpressionSyntax
            ? expression.WithoutTrivia()
            : SyntaxFactory.ParenthesizedExpression(expression.WithoutTrivia());

    /// <summary>Whether <paramref name="value"/> matches a pattern made of bool constants, <c>not</c> and <c>_</c>; null for any other pattern.</summary>
    public static bool? Matches(PatternSyntax pattern, bool value) => pattern switch
    {
        ConstantPatternSyntax constant => Constant(constant.Expression) is { } expected ? expected == value : null,
        DiscardPatternSyntax => true,
        ParenthesizedPatternSyntax parenthesized => Matches(parenthesized.Pattern, value),
        UnaryPatternSyntax { RawKind: (int)SyntaxKind.NotPattern } not => !Matches(not.Pattern, value),
        BinaryPatternSyntax { RawKind: (int)SyntaxKind.OrPattern } or => Matches(or.Left, value) is { } left && Matches(or.Right, value) is { } right ? left || right : null,
        BinaryPatternSyntax { RawKind: (int)SyntaxKind.AndPattern } and => Matches(and.Left, value) is { } left && Matches(and.Right, value) is { } right ? left && right : null,
        _ => null,
    };

    /// <summary>The value of a constant bool literal (through parentheses), or null.</summary>
    public static bool? Constant(ExpressionSyntax expression)
    {
        while (expression is ParenthesizedExpressionSyntax parenthesized)
        {
            expression = parenthesized.Expression;
        }

        return expression.Kind() switch
        {
            SyntaxKind.TrueLiteralExpression => true,
            SyntaxKind.FalseLiteralExpression => false,
            _ => null,
        };
    }

    private ExpressionSyntax Fold(ExpressionSyntax original, bool value)
    {
        Changed = true;
        return FlagReads.Literal(value).WithTriviaFrom(original);
    }

    private ExpressionSyntax Keep(ExpressionSyntax original, ExpressionSyntax kept)
    {
        Changed = true;
        return kept.WithLeadingTrivia(original.GetLeadingTrivia()).WithTrailingTrivia(original.GetTrailingTrivia());
    }
}
