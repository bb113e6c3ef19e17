namespace TypedFlags;

/// <summary>
/// The names under which TypedFlags reports evaluations when <see cref="FlagOptions.Telemetry"/> is on. Attribute
/// names follow the OpenTelemetry semantic conventions for feature flags.
/// </summary>
public static class FlagTelemetryNames
{
    /// <summary>The <see cref="System.Diagnostics.Metrics.Meter"/> name: subscribe to it (e.g. <c>AddMeter("TypedFlags")</c>).</summary>
    public const string MeterName = "TypedFlags";

    /// <summary>The counter of evaluations, tagged with key, variant (bool mode or variant name) and reason.</summary>
    public const string EvaluationCounter = "feature_flag.evaluations";

    /// <summary>The name of the event added to <see cref="System.Diagnostics.Activity.Current"/> for each evaluation.</summary>
    public const string EvaluationEvent = "feature_flag.evaluation";

    /// <summary>The flag key.</summary>
    public const string Key = "feature_flag.key";

    /// <summary>Always <c>TypedFlags</c>.</summary>
    public const string ProviderName = "feature_flag.provider.name";

    /// <summary>Bool flags: <c>on</c>, <c>off</c> or <c>shadow</c>; variant flags: the variant name.</summary>
    public const string ResultVariant = "feature_flag.result.variant";

    /// <summary>The value: a bool, int, double or string (for variant flags, the variant name).</summary>
    public const string ResultValue = "feature_flag.result.value";

    /// <summary>
    /// Why: <c>default</c>, <c>split</c>, <c>targeting_match</c> and <c>disabled</c> (a kill switch) as OpenTelemetry
    /// defines them, and <c>environment</c>, <c>phase</c>, <c>override</c>, <c>prerequisite</c> for the steps it has no
    /// name for.
    /// </summary>
    public const string ResultReason = "feature_flag.result.reason";
}
