using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace TypedFlags.Cleanup;

/// <summary>
/// Moves statements out of a branch one level left, trivia only, so the result keeps the file's own style
/// (spaces or tabs, brace placement) without a formatter — the CLI has no Workspaces to format with.
/// </summary>
internal static class Indentation
{
    /// <summary>
    /// <paramref name="kept"/>, a branch taken out of <paramref name="replaced"/>, with the line end of the statement it
    /// replaces when it had none of its own: in <c>if (c) A(); else B();</c> the line break follows <c>B();</c>, so
    /// keeping <c>A();</c> alone would join the next statement onto its line.
    /// </summary>
    public static TNode WithLineEndOf<TNode>(TNode kept, SyntaxNode replaced)
        where TNode : SyntaxNode
    {
        var trailing = kept.GetTrailingTrivia();
        foreach (var trivia in trailing)
        {
            if (trivia.IsKind(SyntaxKind.EndOfLineTrivia))
            {
                return kept;
            }
        }

        return kept.GetLastToken() == replaced.GetLastToken() ? kept : kept.WithTrailingTrivia(replaced.GetTrailingTrivia());
    }

    /// <summary>The 0-based column <paramref name="token"/> starts at, in the tree it belongs to.</summary>
    public static int Column(SyntaxToken token) => token.GetLocation().GetLineSpan().StartLinePosition.Character;

    /// <summary>The 0-based line <paramref name="token"/> starts at, in the tree it belongs to.</summary>
    public static int Line(SyntaxToken token) => token.GetLocation().GetLineSpan().StartLinePosition.Line;

    /// <summary>The whitespace that starts the line <paramref name="token"/> is on, as written (spaces or tabs).</summary>
    public static string OfLine(SyntaxToken token)
    {
        var text = token.SyntaxTree!.GetText();
        var line = text.Lines[Line(token)].ToString();
        var length = 0;
        while (length < line.Length && (line[length] == ' ' || line[length] == '\t'))
        {
            length++;
        }

        return line.Substring(0, length);
    }

    /// <summary>Removes up to <paramref name="columns"/> characters of indentation from every line of <paramref name="node"/>.</summary>
    public static TNode Dedent<TNode>(TNode node, int columns)
        where TNode : SyntaxNode
    {
        if (columns <= 0)
        {
            return node;
        }

        var lineStarts = new List<SyntaxTrivia>();
        var previousEndedLine = true;
        foreach (var token in node.DescendantTokens())
        {
            var leading = token.LeadingTrivia;
            for (var i = 0; i < leading.Count; i++)
            {
                var atLineStart = i == 0 ? previousEndedLine : leading[i - 1].IsKind(SyntaxKind.EndOfLineTrivia);
                if (atLineStart && leading[i].IsKind(SyntaxKind.WhitespaceTrivia))
                {
                    lineStarts.Add(leading[i]);
                }
            }

            var trailing = token.TrailingTrivia;
            previousEndedLine = trailing.Count > 0 && trailing[trailing.Count - 1].IsKind(SyntaxKind.EndOfLineTrivia);
        }

        return node.ReplaceTrivia(lineStarts, (original, _) =>
        {
            var text = original.ToString();
            var cut = Math.Min(columns, text.Length);
            return SyntaxFactory.Whitespace(text.Substring(cut));
        });
    }
}
