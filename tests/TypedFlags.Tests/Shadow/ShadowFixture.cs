using System;
using TypedFlags.Tests.Infrastructure;

namespace TypedFlags.Tests.Shadow;

/// <summary>An engine with one flag per mode, an observer, a log and a manual clock: what each shadow-run test reads.</summary>
internal sealed class ShadowFixture
{
    public static readonly FlagManifest Manifest = Declare.Manifest(
        Declare.Bool("shadow.off", FlagMode.Off),
        Declare.Bool("shadow.on", FlagMode.On),
        Declare.Bool("shadow.both", FlagMode.Shadow),
        Declare.Bool("shadow.alice", FlagMode.Off, allow: new[] { "alice" }));

    public ShadowFixture(Action<ShadowOptions>? configure = null)
    {
        var options = new FlagOptions { EnvironmentName = Declare.Environment, Logger = Log, TimeProvider = Clock };
        options.Shadow.Observers.Add(Recorder);
        configure?.Invoke(options.Shadow);
        Engine = new FlagEngine(Manifest, configuration: null, options);
    }

    public ManualTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 12, 2, 9, 0, 0, TimeSpan.Zero));

    public EventLogger Log { get; } = new();

    public ShadowRecorder Recorder { get; } = new();

    public FlagEngine Engine { get; }

    public BoolFlag Off => Engine.BoolAccessor("shadow.off");

    public BoolFlag On => Engine.BoolAccessor("shadow.on");

    public BoolFlag Shadow => Engine.BoolAccessor("shadow.both");

    public BoolFlag Alice => Engine.BoolAccessor("shadow.alice");
}
