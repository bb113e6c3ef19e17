using System;

namespace TypedFlags;

/// <summary>The result of one shadow run, as observers receive it (see <see cref="IShadowRunObserver"/>).</summary>
public sealed class ShadowResult
{
    internal ShadowResult(
        string key,
        FlagContext context,
        ShadowOutcome outcome,
        object? controlValue,
        object? candidateValue,
        Exception? candidateException,
        TimeSpan controlDuration,
        TimeSpan candidateDuration)
    {
        Key = key;
        Context = context;
        Outcome = outcome;
        ControlValue = controlValue;
        CandidateValue = candidateValue;
        CandidateException = candidateException;
        ControlDuration = controlDuration;
        CandidateDuration = candidateDuration;
    }

    /// <summary>The flag key.</summary>
    public string Key { get; }

    /// <summary>Who the flag was evaluated for (<c>default</c> for an unbound accessor).</summary>
    public FlagContext Context { get; }

    /// <summary>How the run ended.</summary>
    public ShadowOutcome Outcome { get; }

    /// <summary>The control's result: what the caller got.</summary>
    public object? ControlValue { get; }

    /// <summary>The candidate's result; the type's default when it threw or timed out.</summary>
    public object? CandidateValue { get; }

    /// <summary>What the candidate (or the comparer) threw, for <see cref="ShadowOutcome.CandidateFailed"/>; otherwise null.</summary>
    public Exception? CandidateException { get; }

    /// <summary>How long the control took.</summary>
    public TimeSpan ControlDuration { get; }

    /// <summary>How long the candidate took; for a timed-out asynchronous candidate, the time the caller waited for it.</summary>
    public TimeSpan CandidateDuration { get; }

    /// <summary>The key, the outcome and both durations, for logs and test output.</summary>
    public override string ToString() =>
        $"{Key}: {Outcome} (control {ControlDuration.TotalMilliseconds:0.###} ms, candidate {CandidateDuration.TotalMilliseconds:0.###} ms)";
}
