using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace TypedFlags.Cleanup;

/// <summary>
/// Removes uses of stale flags from a C# syntax tree: each read becomes the flag's final value (a bool literal, or
/// for other types the expression the caller gives, such as <c>25</c> or <c>"text"</c>), then constant
/// conditions are folded (<c>!</c>, <c>&amp;&amp;</c>, <c>||</c>, <c>==</c>, <c>!=</c>, <c>?:</c>), dead branches and
/// code after an early return that became unconditional are dropped, locals holding the value are inlined and
/// locals left unread are removed. Syntax only: the IDE code fix and the CLI share it.
/// </summary>
/// <remarks>
/// A cleanup never changes what the program does and never breaks the build. Reads whose rewrite cannot be proven
/// safe stay as written and come back in <see cref="CleanupResult.Skipped"/> with a <see cref="SkipReason"/>: some
/// are known before rewriting (<see cref="UnsafeReads"/>), the others show in the finished rewrite
/// (<see cref="RewriteChecks"/>), and then the reads are retried one at a time so only the culprits stay.
/// </remarks>
public static class StaleFlagRemover
{
    /// <summary>
    /// Marks every expression that replaced a value read of an int, double, string or variant flag. Hosts with a
    /// workspace can simplify them (a variant comes in fully qualified, <c>global::Ns.Layout.Compact</c>).
    /// </summary>
    public static SyntaxAnnotation InlinedValue { get; } = new("TypedFlags.InlinedValue");

    // Each pass folds at least one construct; real code settles in two or three.
    private const int MaxPasses = 32;

    /// <summary>What the use at <paramref name="span"/> reads; <see cref="FlagReadKind.None"/> when the remover cannot inline it.</summary>
    /// <param name="root">The document's root.</param>
    /// <param name="span">The span of the TF1101/TF1102 diagnostic.</param>
    public static FlagReadKind ReadAt(SyntaxNode root, TextSpan span) =>
        FlagReads.Find(root ?? throw new ArgumentNullException(nameof(root)), span)?.Kind ?? FlagReadKind.None;

    /// <summary>Inlines every replacement that is an inlinable read of a flag and simplifies the code around it.</summary>
    /// <param name="root">The document's root.</param>
    /// <param name="replacements">The uses to remove; those that are not inlinable reads are left alone.</param>
    /// <returns>The new root; <paramref name="root"/> itself when nothing applied.</returns>
    public static SyntaxNode Remove(SyntaxNode root, IEnumerable<FlagReplacement> replacements) => Rewrite(root, replacements).Root;

    /// <summary>
    /// Inlines every replacement that is an inlinable read of a flag and simplifies the code around it, except the
    /// reads no rewrite can provably keep the program's behaviour and build for (see <see cref="SkipReason"/>): those
    /// stay as written and are listed in <see cref="CleanupResult.Skipped"/>.
    /// </summary>
    /// <param name="root">The document's root.</param>
    /// <param name="replacements">The uses to remove; those that are not inlinable reads are ignored (not listed).</param>
    public static CleanupResult Rewrite(SyntaxNode root, IEnumerable<FlagReplacement> replacements)
    {
        if (root is null)
        {
            throw new ArgumentNullException(nameof(root));
        }

        var candidates = new List<FlagReplacement>();
        var skipped = new List<SkippedRead>();
        foreach (var replacement in replacements ?? throw new ArgumentNullException(nameof(replacements)))
        {
            if (FlagReads.Find(root, replacement.Span) is not ({ } read, var kind)
                || kind == FlagReadKind.None
                || (kind == FlagReadKind.Value && replacement.Expression is null))
            {
                continue;
            }

            if (UnsafeReads.Check(read) is { } reason)
            {
                skipped.Add(new SkippedRead(replacement.Span, reason));
                continue;
            }

            candidates.Add(replacement);
        }

        if (candidates.Count == 0)
        {
            return new CleanupResult(root, Sorted(skipped));
        }

        var all = Apply(root, candidates);
        if (RewriteChecks.FirstProblem(root, all) is null)
        {
            return new CleanupResult(all, Sorted(skipped));
        }

        // Some read drags the rewrite into something unsafe. Take the reads one at a time, in source order, and keep
        // each one only if the rewrite with it still passes: the others are cleaned up, the culprit stays.
        var accepted = new List<FlagReplacement>();
        var result = root;
        foreach (var candidate in candidates.OrderBy(c => c.Span.Start))
        {
            accepted.Add(candidate);
            var attempt = Apply(root, accepted);
            if (RewriteChecks.FirstProblem(root, attempt) is { } reason)
            {
                accepted.RemoveAt(accepted.Count - 1);
                skipped.Add(new SkippedRead(candidate.Span, reason));
            }
            else
            {
                // The last rewrite that passed is the result: no need to apply the accepted reads once more.
                result = attempt;
            }
        }

        return new CleanupResult(result, Sorted(skipped));
    }

    private static IReadOnlyList<SkippedRead> Sorted(List<SkippedRead> skipped) => skipped.OrderBy(s => s.Span.Start).ToList();

    private static SyntaxNode Apply(SyntaxNode root, List<FlagReplacement> replacements)
    {
        // Positions do not move while annotating, so the diagnostics' spans still find their nodes below.
        var marked = LocalCleanup.MarkReadLocals(root);
        var reads = new Dictionary<ExpressionSyntax, ExpressionSyntax>();
        foreach (var replacement in replacements)
        {
            switch (FlagReads.Find(marked, replacement.Span))
            {
                case ({ } read, FlagReadKind.Bool):
                    reads[read] = FlagReads.Literal(replacement.Value);
                    break;
                case ({ } read, FlagReadKind.Shadow):
                    reads[read] = FlagReads.Literal(false);
                    break;
                case ({ } read, FlagReadKind.Value) when replacement.Expression is { } expression:
                    reads[read] = FlagReads.Value(expression, read).WithAdditionalAnnotations(InlinedValue);
                    break;
            }
        }

        var current = marked.ReplaceNodes(reads.Keys, (original, _) => reads[original].WithTriviaFrom(original));
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
