namespace TypedFlags.Manifest.Diagnostics;

/// <summary>Severity of a manifest diagnostic (mapped onto Roslyn's by the generator, printed by the CLI).</summary>
public enum ManifestSeverity
{
    /// <summary>Information.</summary>
    Info,

    /// <summary>Warning.</summary>
    Warning,

    /// <summary>Error: no code is generated from the file.</summary>
    Error,
}
