namespace TypedFlags.Manifest.Model;

/// <summary>The share of bucket keys that get one variant.</summary>
/// <param name="Variant">Variant name as declared.</param>
/// <param name="Thousandths">Share in thousandths of a percent (0..100000).</param>
public sealed record SplitEntryModel(string Variant, int Thousandths);
