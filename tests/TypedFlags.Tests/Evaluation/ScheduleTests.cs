using System;
using TypedFlags.Tests.Infrastructure;
using Xunit;

namespace TypedFlags.Tests.Evaluation;

/// <summary>Schedules: the last step whose time has passed sets the rollout, and steps start without a restart.</summary>
public sealed class ScheduleTests
{
    private static readonly DateTimeOffset Step1 = new(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Step2 = new(2026, 12, 8, 0, 0, 0, TimeSpan.Zero);

    private static FlagManifest Manifest(double? rollout = null) => Declare.Manifest(Declare.Bool(
        "f",
        rollout: rollout,
        schedule: new[] { new FlagScheduleStep(Step1, 10), new FlagScheduleStep(Step2, 100) }));

    private static BoolFlag Flag(ManualTimeProvider time, double? rollout = null) =>
        Declare.Engine(Manifest(rollout), time: time).BoolAccessor("f");

    [Fact]
    public void Before_the_first_step_the_declared_rollout_applies()
    {
        var time = new ManualTimeProvider(Step1.AddDays(-1));
        var flag = Flag(time, rollout: 5);

        Assert.True(flag.IsEnabledFor(BucketKeys.Inside("f", 5)));
        Assert.False(flag.IsEnabledFor(BucketKeys.Between("f", 5, 10)));
    }

    [Fact]
    public void Before_the_first_step_without_a_declared_rollout_nobody_is_included()
    {
        var flag = Flag(new ManualTimeProvider(Step1.AddTicks(-1)));

        Assert.False(flag.IsEnabledFor(BucketKeys.Inside("f", 1)));
        Assert.Equal(FlagReason.Default, flag.Evaluate(BucketKeys.Inside("f", 1)).Reason);
    }

    [Fact]
    public void A_step_applies_from_its_exact_time()
    {
        var flag = Flag(new ManualTimeProvider(Step1));

        var evaluation = flag.Evaluate(BucketKeys.Inside("f", 10));
        Assert.True(evaluation.Value);
        Assert.Equal(FlagReason.Split, evaluation.Reason);
        Assert.False(flag.IsEnabledFor(BucketKeys.Outside("f", 10)));
        Assert.False(flag.IsEnabled);
    }

    [Fact]
    public void The_last_started_step_wins_over_the_declared_rollout()
    {
        var flag = Flag(new ManualTimeProvider(Step2.AddDays(30)), rollout: 5);

        Assert.True(flag.IsEnabled);
        Assert.True(flag.IsEnabledFor(BucketKeys.Outside("f", 99)));
    }

    [Fact]
    public void Steps_take_effect_when_their_timer_fires()
    {
        var time = new ManualTimeProvider(Step1.AddHours(-5));
        var flag = Flag(time);
        var early = BucketKeys.Inside("f", 10);
        var late = BucketKeys.Outside("f", 10);

        Assert.False(flag.IsEnabledFor(early));
        Assert.Equal(1, time.ArmedTimerCount);

        time.AdvanceTo(Step1.AddTicks(-1));
        Assert.False(flag.IsEnabledFor(early));

        time.AdvanceTo(Step1);
        Assert.True(flag.IsEnabledFor(early));
        Assert.False(flag.IsEnabledFor(late));
        Assert.False(flag.IsEnabled);

        time.AdvanceTo(Step2.AddMinutes(1));
        Assert.True(flag.IsEnabledFor(late));
        Assert.True(flag.IsEnabled);

        // Nothing is left to wait for.
        Assert.Equal(0, time.ArmedTimerCount);
    }

    [Fact]
    public void A_step_far_ahead_is_reached_through_bounded_timer_waits()
    {
        var time = new ManualTimeProvider(Step1.AddDays(-3));
        var flag = Flag(time);

        time.AdvanceTo(Step1.AddDays(-1));
        Assert.False(flag.IsEnabledFor(BucketKeys.Inside("f", 10)));

        time.AdvanceTo(Step1);
        Assert.True(flag.IsEnabledFor(BucketKeys.Inside("f", 10)));
        Assert.True(time.Fired > 1, "The engine re-arms its timer rather than waiting days in one go.");
    }

    [Fact]
    public void No_timer_is_armed_when_every_step_has_passed()
    {
        var time = new ManualTimeProvider(Step2);
        Flag(time);

        Assert.Equal(0, time.ArmedTimerCount);
    }

    [Fact]
    public void The_schedule_drives_reasons_and_the_shadow_base()
    {
        var manifest = Declare.Manifest(Declare.Bool(
            "f",
            FlagMode.Shadow,
            schedule: new[] { new FlagScheduleStep(Step1, 50) }));
        var time = new ManualTimeProvider(Step1.AddMinutes(-1));
        var flag = Declare.Engine(manifest, time: time).BoolAccessor("f");
        var inside = BucketKeys.Inside("f", 50);

        Assert.True(flag.IsShadowFor(inside));
        time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(FlagReason.Split, flag.Evaluate(inside).Reason);
        Assert.True(flag.IsShadowFor(BucketKeys.Outside("f", 50)));
    }
}
