using TypedFlags.Manifest.Collections;
using TypedFlags.Manifest.Diagnostics;

namespace TypedFlags.Generators.Pipeline;

/// <summary>The diagnostics of one flags.yaml, with the path they are located in.</summary>
internal sealed record ManifestDiagnostics(string Path, EquatableArray<ManifestDiagnostic> Diagnostics);
