using Microsoft.CodeAnalysis.Text;

namespace TypedFlags.Cleanup;

/// <summary>One use of a stale flag to remove: where the analyzer reported it, and the value the flag now always has.</summary>
/// <param name="Span">The span of the TF1101/TF1102 diagnostic: an accessor (<c>flags.NewCheckout</c>), a generated
/// <c>Keys</c> constant or a key string.</param>
/// <param name="Value">The flag's final value, for a bool flag.</param>
public readonly record struct FlagReplacement(TextSpan Span, bool Value)
{
    /// <summary>
    /// For an int, double, string or variant flag: its final value as a C# expression (<c>25</c>, <c>"text"</c>,
    /// <c>global::Ns.Layout.Compact</c>), which replaces <c>.Value</c> and <c>.GetValue(ctx)</c> reads.
    /// </summary>
    public string? Expression { get; init; }
}
