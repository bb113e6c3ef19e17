using System;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Xunit;

namespace TypedFlags.Tests.Shadow;

/// <summary>Each mode picks its paths: Off the control, On the candidate, Shadow both with the control's result returned.</summary>
public sealed class ShadowModeTests
{
    [Fact]
    public void Off_runs_the_control_only()
    {
        var fixture = new ShadowFixture();
        var candidateRuns = 0;

        var result = fixture.Off.Run("bob", () => "old", _ => { candidateRuns++; return "new"; });

        Assert.Equal("old", result);
        Assert.Equal(0, candidateRuns);
        Assert.Empty(fixture.Recorder.Results);
    }

    [Fact]
    public async Task Off_runs_the_control_only_async()
    {
        var fixture = new ShadowFixture();
        var candidateRuns = 0;

        var result = await fixture.Off.RunAsync("bob", () => new ValueTask<string>("old"), _ => { candidateRuns++; return new ValueTask<string>("new"); });

        Assert.Equal("old", result);
        Assert.Equal(0, candidateRuns);
        Assert.Empty(fixture.Recorder.Results);
    }

    [Fact]
    public void On_runs_the_candidate_only_and_tells_it_it_is_the_real_path()
    {
        var fixture = new ShadowFixture();
        var controlRuns = 0;
        CandidateRun? seen = null;

        var result = fixture.On.Run("bob", () => { controlRuns++; return "old"; }, run => { seen = run; return "new"; });

        Assert.Equal("new", result);
        Assert.Equal(0, controlRuns);
        Assert.False(seen!.Value.IsShadow);
        Assert.False(seen.Value.CancellationToken.CanBeCanceled);
        Assert.Empty(fixture.Recorder.Results);
    }

    [Fact]
    public async Task On_runs_the_candidate_only_async()
    {
        var fixture = new ShadowFixture();
        var controlRuns = 0;

        var result = await fixture.On.RunAsync("bob", () => { controlRuns++; return new ValueTask<string>("old"); }, async run => { await Task.Yield(); return run.IsShadow ? "dry" : "new"; });

        Assert.Equal("new", result);
        Assert.Equal(0, controlRuns);
    }

    [Fact]
    public void On_lets_the_candidates_exception_through_because_it_is_the_real_path()
    {
        var fixture = new ShadowFixture();

        var thrown = Assert.Throws<InvalidOperationException>(() => fixture.On.Run<string>("bob", () => "old", _ => throw new InvalidOperationException("new path failed")));

        Assert.Equal("new path failed", thrown.Message);
    }

    [Fact]
    public void Shadow_runs_both_returns_the_control_and_tells_the_candidate_to_run_dry()
    {
        var fixture = new ShadowFixture();
        var order = new System.Collections.Generic.List<string>();
        CandidateRun? seen = null;

        var result = fixture.Shadow.Run("bob", () => { order.Add("control"); return 42; }, run => { order.Add("candidate"); seen = run; return 42; });

        Assert.Equal(42, result);
        Assert.Equal(new[] { "control", "candidate" }, order);
        Assert.True(seen!.Value.IsShadow);
        var run = Assert.Single(fixture.Recorder.Results);
        Assert.Equal(("shadow.both", ShadowOutcome.Match, (object?)42, (object?)42), (run.Key, run.Outcome, run.ControlValue, run.CandidateValue));
        Assert.Equal("bob", run.Context.TargetingKey);
        Assert.Null(run.CandidateException);
        Assert.Empty(fixture.Log.Entries);
    }

    [Fact]
    public async Task Shadow_runs_both_async_and_returns_the_control()
    {
        var fixture = new ShadowFixture();

        var result = await fixture.Shadow.RunAsync(
            "bob",
            async () => { await Task.Yield(); return 42; },
            async run => { await Task.Yield(); return run.IsShadow ? 42 : -1; });

        Assert.Equal(42, result);
        Assert.Equal(ShadowOutcome.Match, Assert.Single(fixture.Recorder.Results).Outcome);
    }

    [Fact]
    public void The_flag_is_evaluated_for_the_callers_context_and_bound_accessors_use_theirs()
    {
        var fixture = new ShadowFixture();
        var alice = new BoolFlag(fixture.Engine, ShadowFixture.Manifest.IndexOf("shadow.alice"), "alice");

        Assert.Equal("new", fixture.Alice.Run("alice", () => "old", _ => "new"));
        Assert.Equal("old", fixture.Alice.Run("bob", () => "old", _ => "new"));
        Assert.Equal("new", alice.Run(() => "old", _ => "new"));
        Assert.Equal("old", fixture.Alice.Run(() => "old", _ => "new"));
    }

    [Fact]
    public void State_passing_overloads_hand_the_state_to_both_paths()
    {
        var fixture = new ShadowFixture();
        var order = (Id: 7, Amount: 100m);

        var shadow = fixture.Shadow.Run("bob", order, static o => o.Amount, static (o, run) => o.Amount + (run.IsShadow ? 1 : 0));
        var on = fixture.On.Run("bob", order, static o => o.Amount, static (o, _) => o.Amount * 2);

        Assert.Equal(100m, shadow);
        Assert.Equal(200m, on);
        var run = Assert.Single(fixture.Recorder.Results);
        Assert.Equal(ShadowOutcome.Mismatch, run.Outcome);
        Assert.Equal(101m, run.CandidateValue);
    }

    [Fact]
    public void A_control_exception_propagates_and_the_candidate_does_not_run()
    {
        var fixture = new ShadowFixture();
        var candidateRuns = 0;

        Assert.Throws<TimeoutException>(() => fixture.Shadow.Run<int>("bob", () => throw new TimeoutException(), _ => ++candidateRuns));

        Assert.Equal(0, candidateRuns);
        Assert.Empty(fixture.Recorder.Results);
    }

    [Fact]
    public void Null_paths_are_rejected_with_their_names()
    {
        var fixture = new ShadowFixture();

        Assert.Equal("control", Assert.Throws<ArgumentNullException>(() => fixture.Off.Run("bob", null!, _ => 1)).ParamName);
        Assert.Equal("candidate", Assert.Throws<ArgumentNullException>(() => fixture.Off.Run<int>("bob", () => 1, null!)).ParamName);
        Assert.Equal("candidate", Assert.Throws<ArgumentNullException>(() => fixture.Off.Run<int, int>("bob", 1, s => s, null!)).ParamName);
    }

    [Fact]
    public void Bad_sample_rates_and_timeouts_are_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ShadowOptions { SampleRate = 1.5 });
        Assert.Throws<ArgumentOutOfRangeException>(() => new ShadowRunOptions<int> { SampleRate = -0.1 });
        Assert.Throws<ArgumentOutOfRangeException>(() => new ShadowOptions { CandidateTimeout = TimeSpan.Zero });
        Assert.Throws<ArgumentOutOfRangeException>(() => new ShadowRunOptions<int> { CandidateTimeout = TimeSpan.FromSeconds(-1) });
    }

    [Fact]
    public void A_throwing_observer_changes_nothing_for_the_caller_or_the_other_observers()
    {
        var second = new ShadowRecorder();
        var fixture = new ShadowFixture(o =>
        {
            o.Observers.Insert(0, new ThrowingObserver());
            o.Observers.Add(second);
        });

        Assert.Equal(1, fixture.Shadow.Run("bob", () => 1, _ => 2));

        Assert.Single(fixture.Recorder.Results);
        Assert.Single(second.Results);
        Assert.Single(fixture.Log.Entries, e => e.Level == LogLevel.Warning);
    }

    private sealed class ThrowingObserver : IShadowRunObserver
    {
        public void OnShadowRun(ShadowResult result) => throw new InvalidOperationException("observer bug");
    }
}
