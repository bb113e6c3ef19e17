namespace TypedFlags.Generators.Pipeline;

/// <summary>The path and text of one flags.yaml (text is null when the file could not be read).</summary>
internal sealed record ManifestText(string Path, string? Text);
