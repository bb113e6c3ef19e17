using System;
using System.Collections.Generic;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Threading.Tasks;
using TypedFlags.Tests.Infrastructure;
using Xunit;

namespace TypedFlags.Tests.Shadow;

/// <summary>Shadow runs as OpenTelemetry metrics on the TypedFlags meter, with the feature_flag.* attributes.</summary>
public sealed class ShadowTelemetryTests
{
    // Keys unique to this class: the meter is process-wide and other tests run in parallel.
    private static readonly FlagManifest Manifest = Declare.Manifest(
        Declare.Bool("shadowmetrics.off", FlagMode.Off),
        Declare.Bool("shadowmetrics.on", FlagMode.On),
        Declare.Bool("shadowmetrics.both", FlagMode.Shadow),
        Declare.Bool("shadowmetrics.quiet", FlagMode.Off));

    private static FlagEngine Engine(ManualTimeProvider clock, bool telemetry = false) =>
        new(Manifest, null, new FlagOptions { EnvironmentName = "Production", TimeProvider = clock, Telemetry = telemetry, Shadow = { CandidateTimeout = TimeSpan.FromSeconds(1) } });

    [Fact]
    public async Task Shadow_runs_count_runs_mismatches_exceptions_timeouts_and_time_each_path()
    {
        using var capture = new Capture();
        var clock = new ManualTimeProvider(DateTimeOffset.UnixEpoch);
        var both = Engine(clock).BoolAccessor("shadowmetrics.both");

        both.Run("bob", () => { clock.Advance(TimeSpan.FromMilliseconds(20)); return 1; }, _ => { clock.Advance(TimeSpan.FromMilliseconds(5)); return 1; });
        both.Run("bob", () => 1, _ => 2);
        await both.RunAsync<int>("bob", () => new ValueTask<int>(1), _ => throw new FormatException());
        both.Run("bob", () => 1, _ => { clock.Advance(TimeSpan.FromSeconds(2)); return 1; });

        Assert.Equal(
            new[] { "match", "mismatch", "candidate_failed", "candidate_timed_out" },
            capture.Of(ShadowTelemetryNames.RunCounter).Select(m => m.Tags[ShadowTelemetryNames.Outcome]));
        Assert.All(capture.Of(ShadowTelemetryNames.RunCounter), m => Assert.Equal("shadow", m.Tags[FlagTelemetryNames.ResultVariant]));
        Assert.Single(capture.Of(ShadowTelemetryNames.MismatchCounter));
        Assert.Equal(typeof(FormatException).FullName, Assert.Single(capture.Of(ShadowTelemetryNames.CandidateExceptionCounter)).Tags[ShadowTelemetryNames.ErrorType]);
        Assert.Single(capture.Of(ShadowTelemetryNames.CandidateTimeoutCounter));

        var durations = capture.Of(ShadowTelemetryNames.DurationHistogram);
        Assert.Equal(8, durations.Count);
        Assert.Equal((0.020, 0.005), (durations[0].Value, durations[1].Value));
        Assert.Equal(new[] { "control", "candidate" }, durations.Take(2).Select(d => d.Tags[ShadowTelemetryNames.Path]));
        Assert.All(durations, d => Assert.Equal("shadowmetrics.both", d.Tags[FlagTelemetryNames.Key]));
    }

    [Fact]
    public void Off_and_on_calls_are_counted_and_timed_only_with_telemetry_on()
    {
        using var capture = new Capture();
        var clock = new ManualTimeProvider(DateTimeOffset.UnixEpoch);
        var quiet = Engine(clock).BoolAccessor("shadowmetrics.quiet");
        var instrumented = Engine(clock, telemetry: true);

        quiet.Run("bob", () => 1, _ => 2);
        Assert.Empty(capture.All);

        instrumented.BoolAccessor("shadowmetrics.off").Run("bob", () => { clock.Advance(TimeSpan.FromMilliseconds(3)); return 1; }, _ => 2);
        instrumented.BoolAccessor("shadowmetrics.on").Run("bob", () => 1, _ => 2);

        Assert.Equal(new[] { "off", "on" }, capture.Of(ShadowTelemetryNames.RunCounter).Select(m => m.Tags[FlagTelemetryNames.ResultVariant]));
        Assert.All(capture.Of(ShadowTelemetryNames.RunCounter), m => Assert.False(m.Tags.ContainsKey(ShadowTelemetryNames.Outcome)));
        var durations = capture.Of(ShadowTelemetryNames.DurationHistogram);
        Assert.Equal(new[] { "control", "candidate" }, durations.Select(d => d.Tags[ShadowTelemetryNames.Path]));
        Assert.Equal(0.003, durations[0].Value);
    }

    [Fact]
    public void A_call_the_sample_rate_skips_counts_as_not_sampled()
    {
        using var capture = new Capture();
        var clock = new ManualTimeProvider(DateTimeOffset.UnixEpoch);
        var both = Engine(clock).BoolAccessor("shadowmetrics.both");

        both.Run("bob", () => 1, _ => 1, new ShadowRunOptions<int> { SampleRate = 0 });

        Assert.Equal("not_sampled", Assert.Single(capture.Of(ShadowTelemetryNames.RunCounter)).Tags[ShadowTelemetryNames.Outcome]);
        Assert.Equal("control", Assert.Single(capture.Of(ShadowTelemetryNames.DurationHistogram)).Tags[ShadowTelemetryNames.Path]);
    }

    private sealed class Capture : IDisposable
    {
        private readonly object _gate = new();
        private readonly List<(string Instrument, double Value, Dictionary<string, object?> Tags)> _measurements = new();
        private readonly MeterListener _listener = new();

        public Capture()
        {
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == FlagTelemetryNames.MeterName && instrument.Name.StartsWith("feature_flag.shadow.", StringComparison.Ordinal))
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            };
            _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Add(instrument, value, tags));
            _listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Add(instrument, value, tags));
            _listener.Start();
        }

        public IReadOnlyList<(string Instrument, double Value, Dictionary<string, object?> Tags)> All
        {
            get
            {
                lock (_gate)
                {
                    return _measurements.ToArray();
                }
            }
        }

        public IReadOnlyList<(string Instrument, double Value, Dictionary<string, object?> Tags)> Of(string instrument) =>
            All.Where(m => m.Instrument == instrument).ToArray();

        public void Dispose() => _listener.Dispose();

        private void Add(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        {
            var copy = new Dictionary<string, object?>();
            foreach (var tag in tags)
            {
                copy[tag.Key] = tag.Value;
            }

            if (copy.TryGetValue(FlagTelemetryNames.Key, out var key) && key is string text && text.StartsWith("shadowmetrics.", StringComparison.Ordinal))
            {
                lock (_gate)
                {
                    _measurements.Add((instrument.Name, value, copy));
                }
            }
        }
    }
}
