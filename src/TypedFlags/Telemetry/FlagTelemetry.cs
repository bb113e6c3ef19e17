using System;
using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace TypedFlags;

/// <summary>
/// Records evaluations as a counter and as Activity events (see <see cref="FlagTelemetryNames"/>). An engine has one
/// only when <see cref="FlagOptions.Telemetry"/> is on, so with telemetry off a read pays one null check. With it on,
/// the work is skipped unless the counter has a listener or an Activity is recording.
/// </summary>
internal sealed class FlagTelemetry
{
    private const string Provider = "TypedFlags";
    private static readonly Meter Meter = new(FlagTelemetryNames.MeterName, typeof(FlagTelemetry).Assembly.GetName().Version?.ToString());
    private static readonly Counter<long> Evaluations = Meter.CreateCounter<long>(FlagTelemetryNames.EvaluationCounter, "{evaluation}", "Feature flag evaluations, by key, variant and reason.");
    private static readonly object True = true;
    private static readonly object False = false;

    private readonly FlagManifest _manifest;

    public FlagTelemetry(FlagManifest manifest) => _manifest = manifest;

    public void Record(int index, FlagOutcome outcome)
    {
        try
        {
            RecordCore(index, outcome);
        }
        catch (Exception)
        {
            // A listener that throws must not turn a flag read into an exception: evaluation never throws.
        }
    }

    private void RecordCore(int index, FlagOutcome outcome)
    {
        var counting = Evaluations.Enabled;
        var activity = Activity.Current;
        var tracing = activity is not null && activity.IsAllDataRequested;
        if (!counting && !tracing)
        {
            return;
        }

        var definition = _manifest.Flags[index];
        var variant = Variant(definition, outcome);
        var reason = Reason(outcome.Reason);
        if (counting)
        {
            var tags = new TagList
            {
                { FlagTelemetryNames.Key, definition.Key },
                { FlagTelemetryNames.ResultReason, reason },
            };
            if (variant is not null)
            {
                tags.Add(FlagTelemetryNames.ResultVariant, variant);
            }

            Evaluations.Add(1, tags);
        }

        if (tracing)
        {
            var tags = new ActivityTagsCollection
            {
                { FlagTelemetryNames.Key, definition.Key },
                { FlagTelemetryNames.ProviderName, Provider },
                { FlagTelemetryNames.ResultValue, Value(definition, outcome) },
                { FlagTelemetryNames.ResultReason, reason },
            };
            if (variant is not null)
            {
                tags.Add(FlagTelemetryNames.ResultVariant, variant);
            }

            activity!.AddEvent(new ActivityEvent(FlagTelemetryNames.EvaluationEvent, tags: tags));
        }
    }

    private static string? Variant(FlagDefinition definition, FlagOutcome outcome) => definition.Type switch
    {
        FlagValueKind.Bool => outcome.Mode switch
        {
            FlagMode.On => "on",
            FlagMode.Shadow => "shadow",
            _ => "off",
        },
        FlagValueKind.Variant => definition.Variants[outcome.Value.Int32],
        _ => null,
    };

    private static object? Value(FlagDefinition definition, FlagOutcome outcome) => definition.Type switch
    {
        FlagValueKind.Bool => outcome.Mode == FlagMode.On ? True : False,
        FlagValueKind.Int => outcome.Value.Int32,
        FlagValueKind.Double => outcome.Value.Double,
        FlagValueKind.String => outcome.Value.String,
        _ => definition.Variants[outcome.Value.Int32],
    };

    private static string Reason(FlagReason reason) => reason switch
    {
        FlagReason.Default => "default",
        FlagReason.Environment => "environment",
        FlagReason.Phase => "phase",
        FlagReason.Split => "split",
        FlagReason.TargetingMatch => "targeting_match",
        FlagReason.Override => "override",
        FlagReason.Prerequisite => "prerequisite",
        _ => "disabled",
    };
}
