using System;
using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace TypedFlags;

/// <summary>
/// The shadow-run instruments (see <see cref="ShadowTelemetryNames"/>), on the evaluations' meter name so one
/// <c>AddMeter("TypedFlags")</c> subscribes to both. Recording is skipped when an instrument has no listener.
/// </summary>
internal static class ShadowTelemetry
{
    private static readonly Meter Meter = new(FlagTelemetryNames.MeterName, typeof(ShadowTelemetry).Assembly.GetName().Version?.ToString());
    private static readonly Counter<long> Runs = Meter.CreateCounter<long>(ShadowTelemetryNames.RunCounter, "{run}", "Shadow-run calls, by key, mode and (in shadow mode) outcome.");
    private static readonly Counter<long> Mismatches = Meter.CreateCounter<long>(ShadowTelemetryNames.MismatchCounter, "{mismatch}", "Shadow runs whose candidate result differed from the control's.");
    private static readonly Counter<long> CandidateExceptions = Meter.CreateCounter<long>(ShadowTelemetryNames.CandidateExceptionCounter, "{exception}", "Exceptions thrown by candidates in shadow runs.");
    private static readonly Counter<long> CandidateTimeouts = Meter.CreateCounter<long>(ShadowTelemetryNames.CandidateTimeoutCounter, "{timeout}", "Candidates in shadow runs that exceeded the candidate timeout.");
    private static readonly Histogram<double> Durations = Meter.CreateHistogram<double>(ShadowTelemetryNames.DurationHistogram, "s", "Duration of each path of a shadow-run call.");

    /// <summary>Whether anything listens to the run counter or the durations.</summary>
    public static bool Listening => Runs.Enabled || Durations.Enabled;

    /// <summary>An Off or On call: one run and the duration of the one path that ran.</summary>
    public static void RecordLive(string key, FlagMode mode, TimeSpan duration)
    {
        try
        {
            var variant = mode == FlagMode.On ? "on" : "off";
            if (Runs.Enabled)
            {
                Runs.Add(1, new TagList { { FlagTelemetryNames.Key, key }, { FlagTelemetryNames.ResultVariant, variant } });
            }

            if (Durations.Enabled)
            {
                Durations.Record(duration.TotalSeconds, new TagList
                {
                    { FlagTelemetryNames.Key, key },
                    { FlagTelemetryNames.ResultVariant, variant },
                    { ShadowTelemetryNames.Path, mode == FlagMode.On ? "candidate" : "control" },
                });
            }
        }
        catch (Exception)
        {
            // A listener that throws must not reach the caller.
        }
    }

    /// <summary>A shadow call that the sample rate left to the control.</summary>
    public static void RecordNotSampled(string key, TimeSpan controlDuration)
    {
        try
        {
            if (Runs.Enabled)
            {
                Runs.Add(1, new TagList { { FlagTelemetryNames.Key, key }, { FlagTelemetryNames.ResultVariant, "shadow" }, { ShadowTelemetryNames.Outcome, "not_sampled" } });
            }

            RecordDuration(key, "control", controlDuration);
        }
        catch (Exception)
        {
            // As above.
        }
    }

    /// <summary>A shadow run that ran both paths.</summary>
    public static void RecordShadow(ShadowResult result)
    {
        try
        {
            var key = result.Key;
            if (Runs.Enabled)
            {
                Runs.Add(1, new TagList { { FlagTelemetryNames.Key, key }, { FlagTelemetryNames.ResultVariant, "shadow" }, { ShadowTelemetryNames.Outcome, Name(result.Outcome) } });
            }

            switch (result.Outcome)
            {
                case ShadowOutcome.Mismatch:
                    Mismatches.Add(1, new TagList { { FlagTelemetryNames.Key, key }, { FlagTelemetryNames.ResultVariant, "shadow" } });
                    break;
                case ShadowOutcome.CandidateFailed:
                    CandidateExceptions.Add(1, new TagList
                    {
                        { FlagTelemetryNames.Key, key },
                        { FlagTelemetryNames.ResultVariant, "shadow" },
                        { ShadowTelemetryNames.ErrorType, result.CandidateException?.GetType().FullName },
                    });
                    break;
                case ShadowOutcome.CandidateTimedOut:
                    CandidateTimeouts.Add(1, new TagList { { FlagTelemetryNames.Key, key }, { FlagTelemetryNames.ResultVariant, "shadow" } });
                    break;
            }

            RecordDuration(key, "control", result.ControlDuration);
            RecordDuration(key, "candidate", result.CandidateDuration);
        }
        catch (Exception)
        {
            // As above.
        }
    }

    private static void RecordDuration(string key, string path, TimeSpan duration)
    {
        if (Durations.Enabled)
        {
            Durations.Record(duration.TotalSeconds, new TagList { { FlagTelemetryNames.Key, key }, { FlagTelemetryNames.ResultVariant, "shadow" }, { ShadowTelemetryNames.Path, path } });
        }
    }

    private static string Name(ShadowOutcome outcome) => outcome switch
    {
        ShadowOutcome.Match => "match",
        ShadowOutcome.Mismatch => "mismatch",
        ShadowOutcome.Ignored => "ignored",
        ShadowOutcome.CandidateFailed => "candidate_failed",
        _ => "candidate_timed_out",
    };
}
