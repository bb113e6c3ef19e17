using TypedFlags.Manifest.Diagnostics;

namespace TypedFlags.Manifest.Model;

/// <summary>Where a flag's key is declared in flags.yaml (kept apart from <see cref="ManifestModel"/> so edits that only move lines leave the model equal).</summary>
/// <param name="Key">The flag key.</param>
/// <param name="Span">The key's span.</param>
public sealed record FlagLocation(string Key, SourceSpan Span);
