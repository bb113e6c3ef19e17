using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace TypedFlags.Cleanup;

/// <summary>
/// Removes uses of stale flags from a C# syntax tree: each read becomes the flag's final value, then constant
/// conditions are folded (<c>!</c>, <c>&amp;&amp;</c>, <c>||</c>, <c>==</c>, <c>!=</c>, <c>?:</c>), dead branches and
/// code after an early return that became unconditional are dropped, locals holding the value are inlined and
/// locals left unread are removed. Syntax only: the IDE code fix and the CLI share it.
/// </summary>
public static class StaleFlagRemover
{
    // Each pass folds at least one construct; real code settles in two or three.
    private const int MaxPasses = 32;

    /// <summary>True when the use at <paramref name="span"/> is a read the remover can inline (a bool read of the flag).</summary>
    /// <param name="root">The document's root.</param>
    /// <param name="span">The span of the TF1101/TF1102 diagnostic.</param>
    public static bool CanRemove(SyntaxNode root, TextSpan span) => FlagReads.Find(root ?? throw new ArgumentNullException(nameof(root)), span) is not null;

    /// <summary>Inlines every replacement that is a bool read of a flag and simplifies the code around it.</summary>
    /// <param name="root">The document's root.</param>
    /// <param name="replacements">The uses to remove; those that are not inlinable reads are left alone.</param>
    /// <returns>The new root; <paramref name="root"/> itself when nothing applied.</returns>
    public static SyntaxNode Remove(SyntaxNode root, IEnumerable<FlagReplacement> replacements)
    {
        if (root is null)
        {
            throw new ArgumentNullException(nameof(root));
        }

        // Positions do not move while annotating, so the diagnostics' spans still find their nodes below.
        var marked = LocalCleanup.MarkReadLocals(root);
        var reads = new Dictionary<ExpressionSyntax, bool>();
        foreach (var replacement in replacements ?? throw new ArgumentNullException(nameof(replacements)))
        {
            if (FlagReads.Find(marked, replacement.Span) is { } read)
            {
                reads[read.Read] = !read.IsShadow && replacement.Value;
            }
        }

        if (reads.Count == 0)
        {
            return root;
        }

        var current = marked.ReplaceNodes(reads.Keys, (original, _) => FlagReads.Literal(reads[original]).WithTriviaFrom(original));
        for (var pass = 0; pass < MaxPasses; pass++)
        {
            var simplifier = new BranchSimplifier();
            current = simplifier.Visit(current);
            var cleaned = false;
            while (LocalCleanup.TryCleanOne(ref current))
            {
                cleaned = true;
            }

            if (!simplifier.Changed && !cleaned)
            {
                break;
            }
        }

        return current;
    }
}
