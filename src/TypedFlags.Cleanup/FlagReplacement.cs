using Microsoft.CodeAnalysis.Text;

namespace TypedFlags.Cleanup;

/// <summary>One use of a stale flag to remove: where the analyzer reported it, and the value the flag now always has.</summary>
/// <param name="Span">The span of the TF1101/TF1102 diagnostic: an accessor (<c>flags.NewCheckout</c>), a generated
/// <c>Keys</c> constant or a key string.</param>
/// <param name="Value">The flag's final value.</param>
public readonly record struct FlagReplacement(TextSpan Span, bool Value);
