using Microsoft.CodeAnalysis;

namespace TypedFlags.Generators.Analyzers;

/// <summary>A constant string passed where a flag key is expected.</summary>
/// <param name="Key">The constant's value.</param>
/// <param name="Expression">The expression that produced it (a literal, a constant, <c>nameof</c>...).</param>
/// <param name="IsGeneratedConstant">True when the expression is a generated <c>Keys</c> constant, which is declared by construction.</param>
internal readonly record struct KeyUse(string Key, SyntaxNode Expression, bool IsGeneratedConstant)
{
    /// <summary>Where to report about the key when not at <see cref="Expression"/>: a Razor tag's attribute in its .cshtml.</summary>
    public Location? At { get; init; }
}
