namespace TypedFlags;

/// <summary>How one shadow run ended: what the candidate did next to the control.</summary>
public enum ShadowOutcome
{
    /// <summary>The candidate returned a result equal to the control's (by the run's comparer).</summary>
    Match,

    /// <summary>The candidate returned a result different from the control's.</summary>
    Mismatch,

    /// <summary>The results differ, but the run's <see cref="ShadowRunOptions{T}.Ignore"/> predicate called the difference known.</summary>
    Ignored,

    /// <summary>The candidate (or the comparer) threw; the exception is in <see cref="ShadowResult.CandidateException"/>.</summary>
    CandidateFailed,

    /// <summary>The candidate did not finish within the candidate timeout; its result, if any, was not compared.</summary>
    CandidateTimedOut,
}
