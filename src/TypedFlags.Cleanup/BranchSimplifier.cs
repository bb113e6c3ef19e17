using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace TypedFlags.Cleanup;

/// <summary>
/// One bottom-up pass that folds constant bool expressions (<c>!</c>, <c>&amp;&amp;</c>, <c>||</c>, <c>==</c>, <c>!=</c>,
/// <c>?:</c>, parentheses) and picks the live branch of an <c>if</c> with a constant condition. Statement lists
/// (blocks, switch sections, top-level statements) then splice the chosen branch in and drop what became unreachable.
/// </summary>
internal sealed class BranchSimplifier : CSharpSyntaxRewriter
{
    public bool Changed { get; private set; }

    public override SyntaxNode? VisitParenthesizedExpression(ParenthesizedExpressionSyntax node)
    {
        var visited = (ParenthesizedExpressionSyntax)base.VisitParenthesizedExpression(node)!;
        return Constant(visited.Expression) is { } value ? Fold(visited, value) : visited;
    }

    public override SyntaxNode? VisitPrefixUnaryExpression(PrefixUnaryExpressionSyntax node)
    {
        var visited = (PrefixUnaryExpressionSyntax)base.VisitPrefixUnaryExpression(node)!;
        return visited.IsKind(SyntaxKind.LogicalNotExpression) && Constant(visited.Operand) is { } value ? Fold(visited, !value) : visited;
    }

    public override SyntaxNode? VisitBinaryExpression(BinaryExpressionSyntax node)
    {
        var visited = (BinaryExpressionSyntax)base.VisitBinaryExpression(node)!;
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
                visited = visited.WithElse(elseClause.WithStatement(nested.Statement.WithLeadingTrivia(nested.GetLeadingTrivia())));
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
            : chosen.WithLeadingTrivia(visited.GetLeadingTrivia());
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
