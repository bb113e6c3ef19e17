using TypedFlags.Manifest.Model;

namespace TypedFlags.Cli.Cleanup;

/// <summary>A flag to remove from the code, and the value its reads become.</summary>
/// <param name="Flag">The declaration.</param>
/// <param name="ManifestPath">The flags.yaml that declares it.</param>
/// <param name="Value">For a bool flag, the value its reads become.</param>
/// <param name="Expression">For an int, double, string or variant flag, the C# expression its value reads become
/// (<see cref="TypedFlags.Cleanup.FinalValueExpression"/>, the text the code fix inlines).</param>
/// <param name="Shown">The value as a person reads it (<c>true</c>, <c>25</c>, <c>compact</c>).</param>
internal sealed record CleanupTarget(FlagModel Flag, string ManifestPath, bool Value, string? Expression, string Shown)
{
    /// <summary>The flag's key.</summary>
    public string Key => Flag.Key;
}
