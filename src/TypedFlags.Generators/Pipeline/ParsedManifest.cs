using TypedFlags.Manifest.Parsing;

namespace TypedFlags.Generators.Pipeline;

/// <summary>A parsed flags.yaml with its path.</summary>
internal sealed record ParsedManifest(string Path, ManifestParseResult Result);
