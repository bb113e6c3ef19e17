namespace TypedFlags;

/// <summary>
/// The instruments and attributes of shadow runs, on the meter <see cref="FlagTelemetryNames.MeterName"/>. Every
/// instrument carries <see cref="FlagTelemetryNames.Key"/> and <see cref="FlagTelemetryNames.ResultVariant"/> (the
/// flag's mode for the call: <c>on</c>, <c>off</c> or <c>shadow</c>).
/// </summary>
public static class ShadowTelemetryNames
{
    /// <summary>Counter of runs; shadow runs also carry <see cref="Outcome"/>.</summary>
    public const string RunCounter = "feature_flag.shadow.runs";

    /// <summary>Counter of shadow runs whose results differed (ignored differences excluded).</summary>
    public const string MismatchCounter = "feature_flag.shadow.mismatches";

    /// <summary>Counter of candidate exceptions in shadow runs, with <see cref="ErrorType"/>.</summary>
    public const string CandidateExceptionCounter = "feature_flag.shadow.candidate_exceptions";

    /// <summary>Counter of candidates in shadow runs that did not finish within the candidate timeout.</summary>
    public const string CandidateTimeoutCounter = "feature_flag.shadow.candidate_timeouts";

    /// <summary>Histogram of each path's duration in seconds, with <see cref="Path"/>.</summary>
    public const string DurationHistogram = "feature_flag.shadow.duration";

    /// <summary>
    /// How a shadow run ended: <c>match</c>, <c>mismatch</c>, <c>ignored</c>, <c>candidate_failed</c>,
    /// <c>candidate_timed_out</c>, or <c>not_sampled</c> (the sample rate ran the control only).
    /// </summary>
    public const string Outcome = "feature_flag.shadow.outcome";

    /// <summary>Which path a duration is of: <c>control</c> or <c>candidate</c>.</summary>
    public const string Path = "feature_flag.shadow.path";

    /// <summary>The candidate exception's full type name (the OpenTelemetry <c>error.type</c> attribute).</summary>
    public const string ErrorType = "error.type";
}
