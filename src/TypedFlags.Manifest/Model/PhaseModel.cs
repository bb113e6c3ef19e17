using TypedFlags.Manifest.Collections;

namespace TypedFlags.Manifest.Model;

/// <summary>A rollout phase and the environments where its flags are on by default.</summary>
/// <param name="Name">Phase name as declared.</param>
/// <param name="Environments">Environment names, as declared (compared case-insensitively at runtime).</param>
public sealed record PhaseModel(string Name, EquatableArray<string> Environments);
