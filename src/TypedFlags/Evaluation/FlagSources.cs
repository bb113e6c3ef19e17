namespace TypedFlags;

/// <summary>
/// The <see cref="FlagEvaluation{T}.Source"/> strings. Constants, so that evaluations hand out the same string
/// instances and never build one.
/// </summary>
internal static class FlagSources
{
    /// <summary>A value declared in flags.yaml (default, environment, phase, targeting, rollout, split).</summary>
    public const string Declared = "flags.yaml";

    /// <summary>A value forced through <see cref="FlagEngine.ForTesting"/>.</summary>
    public const string Test = "test";
}
