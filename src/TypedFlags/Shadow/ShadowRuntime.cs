using System;
using System.Linq;
using System.Threading;
using Microsoft.Extensions.Logging;

namespace TypedFlags;

/// <summary>
/// One engine's shadow-run settings and state: the options read when the engine was built, the clock, and a sample
/// counter per flag. Publishing a result (metrics, log, observers) never throws.
/// </summary>
internal sealed class ShadowRuntime
{
    private readonly IShadowRunObserver[] _observers;
    private readonly ShadowValueRedactor? _redact;
    private readonly ILogger? _logger;
    private readonly long[] _sampleCounters;

    public ShadowRuntime(int flagCount, ShadowOptions? options, ILogger? logger, bool telemetry, TimeProvider timeProvider)
    {
        _observers = options?.Observers.Where(o => o is not null).ToArray() ?? Array.Empty<IShadowRunObserver>();
        _redact = options?.Redact;
        _logger = logger;
        _sampleCounters = new long[flagCount];
        SampleRate = options?.SampleRate ?? 1;
        CandidateTimeout = options?.CandidateTimeout;
        Telemetry = telemetry;
        TimeProvider = timeProvider;
    }

    /// <summary>Whether Off and On calls are timed and counted (<see cref="FlagOptions.Telemetry"/>); shadow runs always are.</summary>
    public bool Telemetry { get; }

    public double SampleRate { get; }

    public TimeSpan? CandidateTimeout { get; }

    public TimeProvider TimeProvider { get; }

    /// <summary>
    /// Whether this shadow call of flag <paramref name="index"/> runs the candidate. Systematic sampling: call n is in when
    /// floor(n × rate) moves past floor((n − 1) × rate), so exactly that share of calls is, evenly spread, without a lock.
    /// </summary>
    public bool Sample(int index, double rate)
    {
        if (rate >= 1)
        {
            return true;
        }

        if (rate <= 0)
        {
            return false;
        }

        var n = Interlocked.Increment(ref _sampleCounters[index]);
        return (long)(n * rate) != (long)((n - 1) * rate);
    }

    public TimeSpan Elapsed(long start) => TimeProvider.GetElapsedTime(start);

    public void Publish(ShadowResult result, TimeSpan? timeout)
    {
        ShadowTelemetry.RecordShadow(result);
        Log(result, timeout);
        foreach (var observer in _observers)
        {
            try
            {
                observer.OnShadowRun(result);
            }
            catch (Exception)
            {
                // An observer cannot change what the caller gets, nor stop the other observers.
            }
        }
    }

    private void Log(ShadowResult result, TimeSpan? timeout)
    {
        if (_logger is null)
        {
            return;
        }

        try
        {
            switch (result.Outcome)
            {
                case ShadowOutcome.Mismatch when _logger.IsEnabled(LogLevel.Warning):
                    ShadowLog.Mismatch(_logger, result.Key, Text(result.Key, result.ControlValue), Text(result.Key, result.CandidateValue), result.ControlDuration, result.CandidateDuration);
                    break;
                case ShadowOutcome.CandidateFailed:
                    ShadowLog.CandidateFailed(_logger, result.Key, result.CandidateException!);
                    break;
                case ShadowOutcome.CandidateTimedOut:
                    ShadowLog.CandidateTimedOut(_logger, result.Key, timeout ?? TimeSpan.Zero);
                    break;
            }
        }
        catch (Exception)
        {
            // A logger or a redactor that throws must not reach the caller.
        }
    }

    private string Text(string key, object? value) =>
        (_redact is null ? value?.ToString() : _redact(key, value)) ?? "null";
}
