using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace TypedFlags.Cleanup;

/// <summary>
/// Resolves the constant <c>if</c>s of one statement list: the live branch takes the if's place (a block's statements
/// are spliced in and moved left when their names cannot clash), a dead if or <c>while (false)</c> disappears, and statements after a jump
/// that became unconditional are dropped — that is how early returns collapse.
/// </summary>
internal static class StatementLists
{
    public static SyntaxList<StatementSyntax> Rewrite(SyntaxList<StatementSyntax> statements, out bool changed)
    {
        var result = new List<StatementSyntax>();
        changed = false;
        var unreachable = false;

        // What a dropped statement leaves for the next one kept: at the top of its list, the blank line below it goes
        // too; after other code, the blank line above it stays, so the code around it stays apart.
        var trimBlankLine = false;
        SyntaxTrivia? carriedBlankLine = null;
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

            List<StatementSyntax>? live;
            if ((statement is WhileStatementSyntax loop && BranchSimplifier.Constant(loop.Condition) is false)
                || (statement is ForStatementSyntax { Declaration: null, Initializers.Count: 0, Condition: { } condition } && BranchSimplifier.Constant(condition) is false))
            {
                // while (false) and for (; false;) never run their body: the compiler would call it unreachable. A for
                // that declares or initializes something runs that first; it stays (and RewriteChecks turns it down).
                live = new List<StatementSyntax>();
            }
            else if (statement is SwitchStatementSyntax @switch && BranchSimplifier.Constant(@switch.Expression) is { } switchValue)
            {
                live = Resolve(@switch, switchValue, statements);
            }
            else if (statement is IfStatementSyntax decided && BranchSimplifier.Constant(decided.Condition) is { } value)
            {
                live = Resolve(decided, value, statements);
            }
            else
            {
                live = null;
            }

            if (live is null)
            {
                result.Add(trimBlankLine ? WithoutLeadingBlankLine(statement) : WithBlankLineAbove(statement, carriedBlankLine));
                trimBlankLine = false;
                carriedBlankLine = null;
                continue;
            }

            changed = true;
            if (live.Count == 0)
            {
                trimBlankLine = result.Count == 0;
                carriedBlankLine = result.Count > 0 && StartsWithBlankLine(statement) ? statement.GetLeadingTrivia().First(trivia => trivia.IsKind(SyntaxKind.EndOfLineTrivia)) : carriedBlankLine;
                continue;
            }

            result.AddRange(live);
            trimBlankLine = false;
            carriedBlankLine = null;
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

            if (!CanSplice(block, decided, siblings) || !CanDissolve(block))
            {
                live.Add(block.WithLeadingTrivia(decided.GetLeadingTrivia()));
                return live;
            }

            return Splice(block, decided);
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
            live.Add(Indentation.WithLineEndOf(chosen, decided).WithLeadingTrivia(decided.GetLeadingTrivia()));
        }
        else
        {
            var moved = Indentation.Dedent(chosen, Indentation.Column(first) - ifColumn);
            live.Add(moved.WithLeadingTrivia(Comments(decided.GetLeadingTrivia()).AddRange(moved.GetLeadingTrivia())));
        }

        return live;
    }

    /// <summary>
    /// The statements of the section a <c>switch</c> on a constant bool runs, without its closing <c>break;</c>, moved
    /// to the switch's place; empty when no section runs; null when the switch cannot be resolved safely (a label that
    /// is not a bool constant, a guard, another <c>break</c> or a <c>goto case</c> that leaves the section, or names
    /// that would clash once spliced).
    /// </summary>
    private static List<StatementSyntax>? Resolve(SwitchStatementSyntax decided, bool value, SyntaxList<StatementSyntax> siblings)
    {
        SwitchSectionSyntax? chosen = null;
        SwitchSectionSyntax? fallback = null;
        foreach (var section in decided.Sections)
        {
            foreach (var label in section.Labels)
            {
                switch (label)
                {
                    case DefaultSwitchLabelSyntax:
                        fallback = section;
                        break;
                    case CaseSwitchLabelSyntax @case when BranchSimplifier.Constant(@case.Value) is { } constant:
                        chosen ??= constant == value ? section : null;
                        break;
                    case CasePatternSwitchLabelSyntax { WhenClause: null } pattern when BranchSimplifier.Matches(pattern.Pattern, value) is { } matches:
                        chosen ??= matches ? section : null;
                        break;
                    default:
                        return null;
                }
            }
        }

        chosen ??= fallback;
        if (chosen is null)
        {
            return new List<StatementSyntax>();
        }

        var statements = chosen.Statements.ToList();
        if (statements.Count == 1 && statements[0] is BlockSyntax { Statements: var inner } && inner.Count > 0 && inner[inner.Count - 1] is BreakStatementSyntax)
        {
            // case true: { ...; break; }
            statements = inner.ToList();
        }

        if (statements.Count > 0 && statements[statements.Count - 1] is BreakStatementSyntax)
        {
            statements.RemoveAt(statements.Count - 1);
        }

        if (statements.Any(statement => LeavesSection(statement)) || !CanSplice(SyntaxFactory.Block(statements), decided, siblings))
        {
            return null;
        }

        var switchColumn = Indentation.Column(decided.SwitchKeyword);
        var indentation = SyntaxFactory.TriviaList(decided.GetLeadingTrivia().Where(trivia => trivia.IsKind(SyntaxKind.WhitespaceTrivia)).LastOrDefault());
        var lineEnd = decided.GetTrailingTrivia().Where(trivia => trivia.IsKind(SyntaxKind.EndOfLineTrivia)).Take(1).DefaultIfEmpty(SyntaxFactory.ElasticLineFeed);
        var live = new List<StatementSyntax>();
        foreach (var original in statements)
        {
            var statement = original;
            var first = statement.GetFirstToken();
            if (first.GetPreviousToken() is var previous && Indentation.Line(previous) == Indentation.Line(first))
            {
                // case true: A(); B(); — each statement gets a line of its own at the switch's indentation.
                statement = statement.WithLeadingTrivia(indentation);
            }
            else
            {
                statement = Indentation.Dedent(statement, Indentation.Column(first) - switchColumn);
            }

            var trailing = statement.GetTrailingTrivia();
            if (!trailing.Any(SyntaxKind.EndOfLineTrivia))
            {
                // Its line used to go on with the next statement or the break.
                statement = statement.WithTrailingTrivia(trailing.Where(trivia => !trivia.IsKind(SyntaxKind.WhitespaceTrivia)).Concat(lineEnd));
            }

            live.Add(statement);
        }

        if (live.Count > 0)
        {
            live[0] = live[0].WithLeadingTrivia(Comments(decided.GetLeadingTrivia()).AddRange(live[0].GetLeadingTrivia()));
        }

        return live;
    }

    /// <summary>
    /// Whether a live block may give up its braces. A <c>using</c> declaration disposes at the end of its block: spliced
    /// out, the writer of <c>{ using var w = ...; w.Write(...); }</c> would stay open over the statements after it. A
    /// directive may sit on the closing brace (<c>#endif</c> before <c>}</c>), which goes with the braces. Such a
    /// block stays a block, in the if's place.
    /// </summary>
    private static bool CanDissolve(BlockSyntax block) =>
        !block.Statements.Any(statement => statement is LocalDeclarationStatementSyntax { UsingKeyword.RawKind: not 0 })
        && !block.DescendantTrivia(descendIntoTrivia: true).Any(trivia => trivia.IsDirective || trivia.IsKind(SyntaxKind.DisabledTextTrivia));

    /// <summary>
    /// A block's statements in the place of the if that held it, one per line at the if's indentation: the first takes
    /// the if's place (with its comments), a statement that shared a line with the brace or the one before it gets a
    /// line of its own, and the last ends the way the if did, so what follows stays on its own line.
    /// </summary>
    private static List<StatementSyntax> Splice(BlockSyntax block, IfStatementSyntax decided)
    {
        // The column the statements land at: the brace's when it has a line of its own (it lines up with the code
        // around it, also after "case 0: if (...)"), else the indentation of the if's line.
        var open = block.OpenBraceToken;
        var braceOwnsLine = Indentation.Line(open.GetPreviousToken()) != Indentation.Line(open);
        var indentation = Indentation.OfLine(braceOwnsLine ? open : decided.IfKeyword);
        // The file's own line ending, for statements that shared a line and now get one each.
        var lineEnd = decided.GetTrailingTrivia().Concat(open.TrailingTrivia).FirstOrDefault(trivia => trivia.IsKind(SyntaxKind.EndOfLineTrivia));
        if (lineEnd.IsKind(SyntaxKind.None))
        {
            lineEnd = SyntaxFactory.ElasticLineFeed;
        }

        var ownLine = block.Statements.FirstOrDefault(OwnsLine);
        var columns = ownLine is null ? 0 : Indentation.Column(ownLine.GetFirstToken()) - indentation.Length;

        var live = new List<StatementSyntax>();
        for (var i = 0; i < block.Statements.Count; i++)
        {
            var original = block.Statements[i];
            var statement = OwnsLine(original)
                ? Indentation.Dedent(original, columns)
                : original.WithLeadingTrivia(original.GetLeadingTrivia().Where(trivia => !trivia.IsKind(SyntaxKind.WhitespaceTrivia)).Prepend(SyntaxFactory.Whitespace(indentation)));
            if (i == 0)
            {
                // The if's own leading trivia (its comments, its indentation or the "case 0: " it followed) come first.
                statement = statement.WithLeadingTrivia(decided.GetLeadingTrivia().AddRange(statement.GetLeadingTrivia().SkipWhile(trivia => trivia.IsKind(SyntaxKind.WhitespaceTrivia))));
            }

            var trailing = statement.GetTrailingTrivia();
            if (i == block.Statements.Count - 1)
            {
                // A("x"); } B(); -- the line went on after the brace; it ends where the if ended.
                statement = statement.WithTrailingTrivia(trailing.Any(SyntaxKind.EndOfLineTrivia)
                    ? trailing
                    : SyntaxFactory.TriviaList(trailing.Where(trivia => !trivia.IsKind(SyntaxKind.WhitespaceTrivia))).AddRange(decided.GetTrailingTrivia()));
            }
            else if (!trailing.Any(SyntaxKind.EndOfLineTrivia) && !OwnsLine(block.Statements[i + 1]))
            {
                statement = statement.WithTrailingTrivia(trailing.Where(trivia => !trivia.IsKind(SyntaxKind.WhitespaceTrivia)).Append(lineEnd));
            }

            live.Add(statement);
        }

        return live;
    }

    /// <summary>Whether <paramref name="statement"/> starts a line (nothing before it on its line).</summary>
    private static bool OwnsLine(StatementSyntax statement)
    {
        var first = statement.GetFirstToken();
        return Indentation.Line(first.GetPreviousToken()) != Indentation.Line(first);
    }

    /// <summary>A <c>break</c> or <c>goto case</c>/<c>goto default</c> that belongs to the switch being removed.</summary>
    private static bool LeavesSection(SyntaxNode node)
    {
        foreach (var descendant in node.DescendantNodesAndSelf(child => child is not (SwitchStatementSyntax or ForStatementSyntax or ForEachStatementSyntax or WhileStatementSyntax or DoStatementSyntax or AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax)))
        {
            if (descendant is BreakStatementSyntax
                || descendant.IsKind(SyntaxKind.GotoCaseStatement)
                || descendant.IsKind(SyntaxKind.GotoDefaultStatement))
            {
                return true;
            }
        }

        return false;
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

    /// <summary>The blank line a dropped statement had above it, moved to the statement kept after it (unless it has one).</summary>
    private static StatementSyntax WithBlankLineAbove(StatementSyntax statement, SyntaxTrivia? blankLine) =>
        blankLine is { } blank && !StartsWithBlankLine(statement) ? statement.WithLeadingTrivia(statement.GetLeadingTrivia().Insert(0, blank)) : statement;

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
