using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace TypedFlags.Cleanup;

/// <summary>
/// Resolves the constant <c>if</c>s of one statement list: the live branch takes the if's place (a block's statements
/// are spliced in and moved left when their names cannot clash), a dead if disappears, and statements after a jump
/// that became unconditional are dropped — that is how early returns collapse.
/// </summary>
internal static class StatementLists
{
    public static SyntaxList<StatementSyntax> Rewrite(SyntaxList<StatementSyntax> statements, out bool changed)
    {
        var result = new List<StatementSyntax>();
        changed = false;
        var unreachable = false;
        var trimBlankLine = false;
        foreach (var statement in statements)
        {
            if (unreachable)
            {
                if (statement is LabeledStatementSyntax)
                {
                    // A label can be reached by goto: from here on the code lives again.
                    unreachable = false;
                }
                else if (statement is not LocalFunctionStatementSyntax)
                {
                    changed = true;
                    continue;
                }
            }

            if (statement is not IfStatementSyntax decided || BranchSimplifier.Constant(decided.Condition) is not { } value)
            {
                result.Add(trimBlankLine ? WithoutLeadingBlankLine(statement) : statement);
                trimBlankLine = false;
                continue;
            }

            changed = true;
            var live = Resolve(decided, value, statements);
            if (live.Count == 0)
            {
                // A dropped if at the top of its list, or after a blank line, takes the blank line below it along.
                trimBlankLine = result.Count == 0 || StartsWithBlankLine(statement);
                continue;
            }

            result.AddRange(live);
            trimBlankLine = false;
            unreachable = IsJump(live[live.Count - 1]);
        }

        return SyntaxFactory.List(result);
    }

    public static SyntaxList<MemberDeclarationSyntax> RewriteTopLevel(SyntaxList<MemberDeclarationSyntax> members, out bool changed)
    {
        changed = false;
        var statements = members.OfType<GlobalStatementSyntax>().Select(global => global.Statement).ToList();
        if (statements.Count == 0)
        {
            return members;
        }

        // A block whose '{' ends a line keeps every statement at its own line start, so columns measure indentation.
        var block = SyntaxFactory.Block(
            SyntaxFactory.Token(SyntaxKind.OpenBraceToken).WithTrailingTrivia(SyntaxFactory.ElasticCarriageReturnLineFeed),
            SyntaxFactory.List(statements),
            SyntaxFactory.Token(SyntaxKind.CloseBraceToken));
        var rewritten = Rewrite(block.Statements, out changed);
        if (!changed)
        {
            return members;
        }

        // Top-level statements come before the types; keep that order.
        var result = new List<MemberDeclarationSyntax>();
        var inserted = false;
        foreach (var member in members)
        {
            if (member is GlobalStatementSyntax)
            {
                if (!inserted)
                {
                    result.AddRange(rewritten.Select(SyntaxFactory.GlobalStatement));
                    inserted = true;
                }
            }
            else
            {
                result.Add(member);
            }
        }

        return SyntaxFactory.List(result);
    }

    private static List<StatementSyntax> Resolve(IfStatementSyntax decided, bool value, SyntaxList<StatementSyntax> siblings)
    {
        var chosen = value ? decided.Statement : decided.Else?.Statement;
        var live = new List<StatementSyntax>();
        if (chosen is null)
        {
            return live;
        }

        var ifColumn = Indentation.Column(decided.IfKeyword);
        if (chosen is BlockSyntax block)
        {
            if (block.Statements.Count == 0)
            {
                return live;
            }

            if (!CanSplice(block, decided, siblings))
            {
                live.Add(block.WithLeadingTrivia(decided.GetLeadingTrivia()));
                return live;
            }

            var columns = Indentation.Column(block.Statements[0].GetFirstToken()) - ifColumn;
            foreach (var statement in block.Statements)
            {
                live.Add(Indentation.Dedent(statement, columns));
            }

            live[0] = live[0].WithLeadingTrivia(Comments(decided.GetLeadingTrivia()).AddRange(live[0].GetLeadingTrivia()));
            return live;
        }

        if (chosen is IfStatementSyntax)
        {
            // else if: the nested if already sits at the outer if's indentation, on the else's line.
            live.Add(chosen.WithLeadingTrivia(decided.GetLeadingTrivia()));
            return live;
        }

        var first = chosen.GetFirstToken();
        if (Indentation.Line(first) == Indentation.Line(decided.IfKeyword))
        {
            live.Add(chosen.WithLeadingTrivia(decided.GetLeadingTrivia()));
        }
        else
        {
            var moved = Indentation.Dedent(chosen, Indentation.Column(first) - ifColumn);
            live.Add(moved.WithLeadingTrivia(Comments(decided.GetLeadingTrivia()).AddRange(moved.GetLeadingTrivia())));
        }

        return live;
    }

    /// <summary>The if's leading trivia without its indentation: blank lines and comments stay with the code that replaces it.</summary>
    private static SyntaxTriviaList Comments(SyntaxTriviaList leading) =>
        leading.Count > 0 && leading[leading.Count - 1].IsKind(SyntaxKind.WhitespaceTrivia) ? SyntaxFactory.TriviaList(leading.Take(leading.Count - 1)) : leading;

    private static bool StartsWithBlankLine(StatementSyntax statement)
    {
        foreach (var trivia in statement.GetLeadingTrivia())
        {
            if (trivia.IsKind(SyntaxKind.EndOfLineTrivia))
            {
                return true;
            }

            if (!trivia.IsKind(SyntaxKind.WhitespaceTrivia))
            {
                return false;
            }
        }

        return false;
    }

    private static StatementSyntax WithoutLeadingBlankLine(StatementSyntax statement)
    {
        if (!StartsWithBlankLine(statement))
        {
            return statement;
        }

        var leading = statement.GetLeadingTrivia();
        var end = 0;
        while (!leading[end].IsKind(SyntaxKind.EndOfLineTrivia))
        {
            end++;
        }

        return statement.WithLeadingTrivia(leading.Skip(end + 1));
    }

    private static bool IsJump(StatementSyntax statement) =>
        statement is ReturnStatementSyntax or ThrowStatementSyntax or BreakStatementSyntax or ContinueStatementSyntax or GotoStatementSyntax
        || (statement is YieldStatementSyntax yield && yield.IsKind(SyntaxKind.YieldBreakStatement));

    /// <summary>A block's names join the enclosing scope when spliced; they must not clash with names declared beside it.</summary>
    private static bool CanSplice(BlockSyntax block, StatementSyntax owner, SyntaxList<StatementSyntax> siblings)
    {
        var names = new HashSet<string>(DeclaredNames(block));
        if (names.Count == 0)
        {
            return true;
        }

        foreach (var sibling in siblings)
        {
            if (sibling == owner)
            {
                continue;
            }

            foreach (var name in DeclaredNames(sibling))
            {
                if (names.Contains(name))
                {
                    return false;
                }
            }
        }

        return true;
    }

    private static IEnumerable<string> DeclaredNames(SyntaxNode node)
    {
        foreach (var descendant in node.DescendantNodesAndSelf())
        {
            switch (descendant)
            {
                case VariableDeclaratorSyntax declarator:
                    yield return declarator.Identifier.ValueText;
                    break;
                case SingleVariableDesignationSyntax designation:
                    yield return designation.Identifier.ValueText;
                    break;
                case ForEachStatementSyntax forEach:
                    yield return forEach.Identifier.ValueText;
                    break;
                case LocalFunctionStatementSyntax function:
                    yield return function.Identifier.ValueText;
                    break;
                case ParameterSyntax parameter:
                    yield return parameter.Identifier.ValueText;
                    break;
                case CatchDeclarationSyntax { Identifier.ValueText: { Length: > 0 } catchName }:
                    yield return catchName;
                    break;
                case LabeledStatementSyntax label:
                    yield return label.Identifier.ValueText;
                    break;
            }
        }
    }
}
