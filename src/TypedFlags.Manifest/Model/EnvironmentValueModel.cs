namespace TypedFlags.Manifest.Model;

/// <summary>A per-environment base value (<c>environments:</c>).</summary>
/// <param name="Environment">Environment name as declared.</param>
/// <param name="Value">The value in that environment.</param>
public sealed record EnvironmentValueModel(string Environment, FlagValueModel Value);
