using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using Microsoft.Extensions.Configuration;
using TypedFlags.Tests.Infrastructure;
using Xunit;

namespace TypedFlags.Tests.Telemetry;

/// <summary>Evaluation counters and Activity events with the OpenTelemetry feature-flag attributes; off by default.</summary>
public sealed class TelemetryTests
{
    // Keys unique to this class: the meter is process-wide and other tests run in parallel.
    private static readonly FlagManifest Manifest = Declare.Manifest(
        Declare.Bool("telemetry.checkout", allow: new[] { "alice" }),
        Declare.Variant("telemetry.layout", new[] { "classic", "compact" }, 1),
        Declare.Int("telemetry.limit", 42));

    [Fact]
    public void Nothing_is_recorded_unless_telemetry_is_turned_on()
    {
        using var capture = new Capture();
        var engine = new FlagEngine(Manifest, null, new FlagOptions { EnvironmentName = "Production" });

        using (capture.StartActivity())
        {
            _ = engine.BoolAccessor("telemetry.checkout").IsEnabledFor("alice");
            _ = engine.BoolAccessor("telemetry.checkout").IsEnabled;
        }

        Assert.Empty(capture.Measurements);
        Assert.Empty(capture.Events);
    }

    [Fact]
    public void Each_read_counts_once_with_key_variant_and_reason()
    {
        using var capture = new Capture();
        var engine = new FlagEngine(Manifest, null, new FlagOptions { EnvironmentName = "Production", Telemetry = true });
        var checkout = engine.BoolAccessor("telemetry.checkout");

        _ = checkout.IsEnabledFor("alice");
        _ = checkout.IsEnabled;
        _ = new Flag<int>(engine, Manifest.IndexOf("telemetry.limit")).Value;

        var measurements = capture.Measurements;
        Assert.Equal(3, measurements.Count);
        Assert.All(measurements, m => Assert.Equal(1, m.Value));
        Assert.Equal(
            new[] { "telemetry.checkout|on|targeting_match", "telemetry.checkout|off|default", "telemetry.limit||default" },
            measurements.Select(m => $"{m.Tags[FlagTelemetryNames.Key]}|{m.Tags.GetValueOrDefault(FlagTelemetryNames.ResultVariant)}|{m.Tags[FlagTelemetryNames.ResultReason]}"));
    }

    [Fact]
    public void Reads_inside_an_activity_add_feature_flag_evaluation_events()
    {
        using var capture = new Capture();
        var engine = new FlagEngine(Manifest, null, new FlagOptions { EnvironmentName = "Production", Telemetry = true });

        using (var activity = capture.StartActivity())
        {
            _ = engine.BoolAccessor("telemetry.checkout").Evaluate("alice");
            _ = engine.Evaluate(Manifest.IndexOf("telemetry.layout"), default);
            _ = new Flag<int>(engine, Manifest.IndexOf("telemetry.limit")).GetValue("bob");
        }

        var events = capture.Events;
        Assert.Equal(3, events.Count);
        Assert.All(events, e => Assert.Equal(FlagTelemetryNames.EvaluationEvent, e.Name));
        var bool_ = events[0].Tags;
        Assert.Equal("telemetry.checkout", bool_[FlagTelemetryNames.Key]);
        Assert.Equal("TypedFlags", bool_[FlagTelemetryNames.ProviderName]);
        Assert.Equal(true, bool_[FlagTelemetryNames.ResultValue]);
        Assert.Equal("on", bool_[FlagTelemetryNames.ResultVariant]);
        Assert.Equal("targeting_match", bool_[FlagTelemetryNames.ResultReason]);
        Assert.Equal(("compact", "compact"), (events[1].Tags[FlagTelemetryNames.ResultVariant], events[1].Tags[FlagTelemetryNames.ResultValue]));
        Assert.Equal(42, events[2].Tags[FlagTelemetryNames.ResultValue]);
        Assert.False(events[2].Tags.ContainsKey(FlagTelemetryNames.ResultVariant));
    }

    [Fact]
    public void A_kill_reports_the_OpenTelemetry_reason_disabled()
    {
        using var capture = new Capture();
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Flags:telemetry.checkout"] = "kill" })
            .Build();
        var engine = new FlagEngine(Manifest, configuration, new FlagOptions { EnvironmentName = "Production", Telemetry = true });

        _ = engine.BoolAccessor("telemetry.checkout").IsEnabledFor("alice");

        Assert.Equal("disabled", Assert.Single(capture.Measurements).Tags[FlagTelemetryNames.ResultReason]);
    }

    /// <summary>Listens to the TypedFlags meter and to a test ActivitySource, keeping only this class's flags.</summary>
    private sealed class Capture : IDisposable
    {
        private readonly object _gate = new();
        private readonly List<(long Value, Dictionary<string, object?> Tags)> _measurements = new();
        private readonly MeterListener _meters = new();
        private readonly ActivityListener _activities;
        private readonly ActivitySource _source = new("TypedFlags.Tests.Telemetry." + Guid.NewGuid().ToString("N"));
        private Activity? _activity;

        public Capture()
        {
            _meters.InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == FlagTelemetryNames.MeterName && instrument.Name == FlagTelemetryNames.EvaluationCounter)
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            };
            _meters.SetMeasurementEventCallback<long>((_, value, tags, _) =>
            {
                var copy = new Dictionary<string, object?>();
                foreach (var tag in tags)
                {
                    copy[tag.Key] = tag.Value;
                }

                if (copy.TryGetValue(FlagTelemetryNames.Key, out var key) && key is string text && text.StartsWith("telemetry.", StringComparison.Ordinal))
                {
                    lock (_gate)
                    {
                        _measurements.Add((value, copy));
                    }
                }
            });
            _meters.Start();
            _activities = new ActivityListener
            {
                ShouldListenTo = source => source == _source,
                Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            };
            ActivitySource.AddActivityListener(_activities);
        }

        public List<(long Value, Dictionary<string, object?> Tags)> Measurements
        {
            get
            {
                lock (_gate)
                {
                    return _measurements.ToList();
                }
            }
        }

        public List<(string Name, Dictionary<string, object?> Tags)> Events =>
            _activity?.Events.Select(e => (e.Name, e.Tags.ToDictionary(t => t.Key, t => t.Value))).ToList() ?? new();

        public Activity StartActivity() => _activity = _source.StartActivity("test")!;

        public void Dispose()
        {
            _meters.Dispose();
            _activities.Dispose();
            _source.Dispose();
        }
    }
}
