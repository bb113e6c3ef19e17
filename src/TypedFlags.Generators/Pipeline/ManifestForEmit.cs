using TypedFlags.Manifest.Model;

namespace TypedFlags.Generators.Pipeline;

/// <summary>The location-free model of one flags.yaml, with its path for diagnostics about the file as a whole.</summary>
internal sealed record ManifestForEmit(string Path, ManifestModel Model);
