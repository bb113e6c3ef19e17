using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace TypedFlags.Cleanup;

/// <summary>
/// What a cleanup did: the rewritten root, and the reads it left alone because no rewrite of them is provably safe.
/// The IDE offers no fix for a skipped read; the CLI lists them for manual work.
/// </summary>
public sealed class CleanupResult
{
    internal CleanupResult(SyntaxNode root, IReadOnlyList<SkippedRead> skipped)
    {
        Root = root;
        Skipped = skipped;
    }

    /// <summary>The new root; the original root itself when nothing applied.</summary>
    public SyntaxNode Root { get; }

    /// <summary>The reads left as written, in source order, each with the reason.</summary>
    public IReadOnlyList<SkippedRead> Skipped { get; }
}

/// <summary>A read of a stale flag the cleanup left alone.</summary>
/// <param name="Span">The span of the TF1101/TF1102 diagnostic, as given in the <see cref="FlagReplacement"/>.</param>
/// <param name="Reason">Why no rewrite of it is provably safe.</param>
public readonly record struct SkippedRead(TextSpan Span, SkipReason Reason)
{
    /// <summary>One sentence for a person: what is in the way and what to do by hand.</summary>
    public string Message => Reason switch
    {
        SkipReason.NullConditional => "the read is part of a null-conditional chain (?.): inlining would drop the null check; rewrite it by hand",
        SkipReason.NameOf => "the read is inside nameof(...), which names the member rather than reading it; rewrite it by hand",
        SkipReason.Directives => "the code the fix would remove or move holds preprocessor directives (#if, #else, #region...); resolve the branches by hand",
        SkipReason.ConstantPattern => "the value would be matched against a pattern or switch the fix cannot decide (is true and var b, is < 0, switch (-5)), which warns once constant (CS8793, CS0162); rewrite it by hand",
        SkipReason.Unreachable => "the value would leave a loop condition constant (for (var i = Start(); false;), while (true) with no break), which makes code unreachable (CS0162); rewrite it by hand",
        SkipReason.UsedDeclaration => "the code the fix would remove declares a variable (out var, is var) that code after it uses; rewrite it by hand",
        SkipReason.LastAwait => "the read holds the only await of an async function: without it the function runs synchronously and warns (CS1998); remove the read and the async by hand",
        SkipReason.ConstantOverflow => "the value would make a constant expression overflow or divide by zero at compile time; rewrite it by hand",
        _ => "the rewrite is not provably safe; rewrite it by hand",
    };
}

/// <summary>Why the cleanup left a read alone.</summary>
public enum SkipReason
{
    /// <summary><c>flags?.X.IsEnabled</c>: the read's value depends on whether the receiver is null.</summary>
    NullConditional,

    /// <summary><c>nameof(flags.X.IsEnabled)</c>: a name, not a read; a literal there does not compile.</summary>
    NameOf,

    /// <summary>Preprocessor directives in code the rewrite would drop or move: other build configurations would change.</summary>
    Directives,

    /// <summary><c>flag is true and var b</c>, <c>limit is &lt; 0</c>, <c>switch (limit)</c>: a constant left in front of patterns or switch cases the rewrite cannot decide (CS8793, CS0162).</summary>
    ConstantPattern,

    /// <summary>A loop whose condition the rewrite leaves constant and that makes code unreachable (CS0162).</summary>
    Unreachable,

    /// <summary><c>if (flag &amp;&amp; int.TryParse(s, out var n))</c> with <c>n</c> used after the if: removing the condition removes the declaration.</summary>
    UsedDeclaration,

    /// <summary><c>if (await features.IsEnabledAsync("x"))</c> was the only await of an async function (CS1998 once removed).</summary>
    LastAwait,

    /// <summary><c>-flags.MinInt.Value</c> with int.MinValue, <c>10 / flags.Zero.Value</c>: a compile-time error once constant (CS0220, CS0020).</summary>
    ConstantOverflow,
}
