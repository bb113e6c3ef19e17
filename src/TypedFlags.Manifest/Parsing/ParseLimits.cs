namespace TypedFlags.Manifest.Parsing;

/// <summary>
/// Safety limits that keep a hostile or broken flags.yaml from hanging or crashing the compiler. Generous
/// for real files: 10,000 fully described flags take about 2 MB, and flags.yaml nests 5 levels deep.
/// </summary>
public static class ParseLimits
{
    /// <summary>Largest file accepted, in characters.</summary>
    public const int MaxCharacters = 8 * 1024 * 1024;

    /// <summary>Deepest nesting of mappings and sequences (flags.yaml itself needs 5).</summary>
    public const int MaxDepth = 64;

    /// <summary>Most nodes visited while reading, counting every use of an alias (defeats "billion laughs").</summary>
    public const int MaxNodeVisits = 5_000_000;

    /// <summary>Most diagnostics reported for one file; an alias can repeat one bad value millions of times.</summary>
    public const int MaxDiagnostics = 1_000;
}
