using System;
using System.Collections.Generic;

namespace TypedFlags;

/// <summary>
/// Defaults for shadow runs (<see cref="BoolFlag.Run{T}(FlagContext, Func{T}, Func{CandidateRun, T}, ShadowRunOptions{T})"/>
/// and its overloads) of one engine: set them on <see cref="FlagOptions.Shadow"/>. Read once, when the engine is built.
/// </summary>
public sealed class ShadowOptions
{
    private double _sampleRate = 1;
    private TimeSpan? _candidateTimeout;

    /// <summary>
    /// Receive every shadow run's result. With dependency injection, the registered <see cref="IShadowRunObserver"/>
    /// services are added to these.
    /// </summary>
    public IList<IShadowRunObserver> Observers { get; } = new List<IShadowRunObserver>();

    /// <summary>
    /// The share of calls in shadow mode that run the candidate, from 0 to 1; the others run the control only. 1 (every
    /// call) by default. Calls are picked evenly per flag (every fourth at 0.25), so the share is exact.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not between 0 and 1.</exception>
    public double SampleRate
    {
        get => _sampleRate;
        set => _sampleRate = ShadowRunOptions<object>.CheckRate(value);
    }

    /// <summary>
    /// How long a candidate in shadow mode may take; null (the default) for no limit. An asynchronous candidate is not
    /// awaited past it (it is cancelled through <see cref="CandidateRun.CancellationToken"/> and left to finish); a
    /// synchronous one cannot be stopped, so its token is cancelled and a result that comes late is not compared.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is zero or negative.</exception>
    public TimeSpan? CandidateTimeout
    {
        get => _candidateTimeout;
        set => _candidateTimeout = ShadowRunOptions<object>.CheckTimeout(value);
    }

    /// <summary>
    /// Turns results into the text mismatch log entries show; null to log each result's <see cref="object.ToString"/>.
    /// Observers receive the results themselves.
    /// </summary>
    public ShadowValueRedactor? Redact { get; set; }
}
