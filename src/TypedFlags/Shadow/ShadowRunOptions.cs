using System;
using System.Collections.Generic;

namespace TypedFlags;

/// <summary>
/// How one shadow run compares its paths' results, and per-run replacements for the engine's
/// <see cref="ShadowOptions"/>. Create one per call site and keep it (a <c>static readonly</c> field), so runs do not
/// allocate it.
/// </summary>
/// <typeparam name="T">The paths' result type.</typeparam>
public sealed class ShadowRunOptions<T>
{
    private double? _sampleRate;
    private TimeSpan? _candidateTimeout;

    /// <summary>Decides whether the candidate's result equals the control's; null for <see cref="EqualityComparer{T}.Default"/>.</summary>
    public IEqualityComparer<T>? Comparer { get; init; }

    /// <summary>
    /// Called for results that differ, with the control's result first: true marks a known, accepted difference, reported
    /// as <see cref="ShadowOutcome.Ignored"/> instead of a mismatch. Null ignores nothing.
    /// </summary>
    public Func<T, T, bool>? Ignore { get; init; }

    /// <summary>Replaces <see cref="ShadowOptions.SampleRate"/> for this run; null to use it.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not between 0 and 1.</exception>
    public double? SampleRate
    {
        get => _sampleRate;
        init => _sampleRate = value is { } rate ? CheckRate(rate) : null;
    }

    /// <summary>Replaces <see cref="ShadowOptions.CandidateTimeout"/> for this run; null to use it.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is zero or negative.</exception>
    public TimeSpan? CandidateTimeout
    {
        get => _candidateTimeout;
        init => _candidateTimeout = CheckTimeout(value);
    }

    internal static double CheckRate(double rate) =>
        rate is >= 0 and <= 1
            ? rate
            : throw new ArgumentOutOfRangeException(nameof(SampleRate), rate, "A sample rate is a share of calls, from 0 to 1.");

    internal static TimeSpan? CheckTimeout(TimeSpan? timeout) =>
        timeout is not { } value || value > TimeSpan.Zero
            ? timeout
            : throw new ArgumentOutOfRangeException(nameof(CandidateTimeout), value, "A candidate timeout must be positive.");
}
