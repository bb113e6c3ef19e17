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

    /// <summary>The prefix of a source that is a flag environment variable (<c>env:VITE_INVOICES_WRITE</c>).</summary>
    public const string EnvironmentPrefix = "env:";

    /// <summary>The prefix of a source that is a configuration path (<c>config:Flags:invoices.write</c>).</summary>
    public const string ConfigurationPrefix = "config:";

    /// <summary>The prefix of a source that is a flag store (<c>store:sqlite:/srv/app/flags.db</c>, see <see cref="FlagStore.Source"/>).</summary>
    public const string StorePrefix = "store:";
}
