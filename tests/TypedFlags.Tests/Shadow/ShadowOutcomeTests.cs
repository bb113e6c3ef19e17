using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Xunit;

namespace TypedFlags.Tests.Shadow;

/// <summary>What a shadow run reports: mismatches, ignored differences, candidate exceptions and timeouts; sync and async.</summary>
public sealed class ShadowOutcomeTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromMilliseconds(200);

    [Fact]
    public void A_mismatch_returns_the_control_and_is_logged_as_event_1701_with_both_results()
    {
        var fixture = new ShadowFixture();

        var total = fixture.Shadow.Run("bob", () => 100m, _ => 99.5m);

        Assert.Equal(100m, total);
        var run = Assert.Single(fixture.Recorder.Results);
        Assert.Equal(ShadowOutcome.Mismatch, run.Outcome);
        Assert.Equal((100m, 99.5m), ((decimal)run.ControlValue!, (decimal)run.CandidateValue!));
        var entry = Assert.Single(fixture.Log.Entries);
        Assert.Equal(LogLevel.Warning, entry.Level);
        Assert.Equal(new EventId(1701, "ShadowMismatch"), entry.EventId);
        Assert.Equal("shadow.both", entry.Values["FlagKey"]);
        Assert.Equal("100", entry.Values["ControlResult"]);
        Assert.Equal("99.5", entry.Values["CandidateResult"]);
    }

    [Fact]
    public async Task A_mismatch_async_returns_the_control_and_is_reported()
    {
        var fixture = new ShadowFixture();

        var total = await fixture.Shadow.RunAsync("bob", async () => { await Task.Yield(); return 100m; }, async _ => { await Task.Yield(); return 99.5m; });

        Assert.Equal(100m, total);
        Assert.Equal(ShadowOutcome.Mismatch, Assert.Single(fixture.Recorder.Results).Outcome);
        Assert.Equal(1701, Assert.Single(fixture.Log.Entries).EventId.Id);
    }

    [Fact]
    public void The_redaction_hook_decides_what_the_log_shows_observers_get_the_values()
    {
        var fixture = new ShadowFixture(o => o.Redact = (key, value) => key + ":" + (value is string s ? s.Length + " chars" : "?"));

        fixture.Shadow.Run("bob", () => "alice@contoso.com", _ => "ALICE@contoso.com");

        var entry = Assert.Single(fixture.Log.Entries);
        Assert.Equal("shadow.both:17 chars", entry.Values["ControlResult"]);
        Assert.DoesNotContain("contoso", entry.Message, StringComparison.Ordinal);
        Assert.Equal("ALICE@contoso.com", Assert.Single(fixture.Recorder.Results).CandidateValue);
    }

    [Fact]
    public void A_comparer_decides_equality_and_an_ignore_predicate_marks_known_differences()
    {
        var fixture = new ShadowFixture();
        var ignoringCase = new ShadowRunOptions<string> { Comparer = StringComparer.OrdinalIgnoreCase };
        var roundingKnown = new ShadowRunOptions<decimal> { Ignore = (control, candidate) => Math.Abs(control - candidate) < 0.01m };

        fixture.Shadow.Run("bob", () => "Paid", _ => "PAID", ignoringCase);
        fixture.Shadow.Run("bob", () => 10.004m, _ => 10m, roundingKnown);
        fixture.Shadow.Run("bob", () => 10.5m, _ => 10m, roundingKnown);

        Assert.Equal(
            new[] { ShadowOutcome.Match, ShadowOutcome.Ignored, ShadowOutcome.Mismatch },
            fixture.Recorder.Results.Select(r => r.Outcome));
        Assert.Single(fixture.Log.Entries);
    }

    [Fact]
    public void A_candidate_exception_is_caught_reported_and_logged_as_event_1702()
    {
        var fixture = new ShadowFixture();

        var result = fixture.Shadow.Run<string>("bob", () => "old", _ => throw new FormatException("bad invoice number"));

        Assert.Equal("old", result);
        var run = Assert.Single(fixture.Recorder.Results);
        Assert.Equal(ShadowOutcome.CandidateFailed, run.Outcome);
        Assert.IsType<FormatException>(run.CandidateException);
        Assert.Null(run.CandidateValue);
        var entry = Assert.Single(fixture.Log.Entries);
        Assert.Equal(new EventId(1702, "ShadowCandidateFailed"), entry.EventId);
        Assert.IsType<FormatException>(entry.Exception);
    }

    [Fact]
    public async Task A_candidate_exception_async_is_caught_whether_thrown_before_or_after_the_first_await()
    {
        var fixture = new ShadowFixture();

        var early = await fixture.Shadow.RunAsync<string>("bob", () => new ValueTask<string>("old"), _ => throw new FormatException("sync part"));
        var late = await fixture.Shadow.RunAsync("bob", () => new ValueTask<string>("old"), async _ =>
        {
            await Task.Yield();
            throw new FormatException("async part");
#pragma warning disable CS0162 // The lambda needs a result type.
            return "new";
#pragma warning restore CS0162
        });

        Assert.Equal(("old", "old"), (early, late));
        Assert.Equal(new[] { "sync part", "async part" }, fixture.Recorder.Results.Select(r => r.CandidateException!.Message));
    }

    [Fact]
    public void A_comparer_that_throws_fails_the_run_not_the_call()
    {
        var fixture = new ShadowFixture();
        var broken = new ShadowRunOptions<int> { Ignore = (_, _) => throw new InvalidOperationException("ignore bug") };

        Assert.Equal(1, fixture.Shadow.Run("bob", () => 1, _ => 2, broken));

        Assert.Equal(ShadowOutcome.CandidateFailed, Assert.Single(fixture.Recorder.Results).Outcome);
    }

    [Fact]
    public void A_synchronous_candidate_past_the_timeout_is_reported_as_timed_out_and_its_token_is_cancelled()
    {
        var fixture = new ShadowFixture(o => o.CandidateTimeout = Limit);
        var cancelled = false;

        var result = fixture.Shadow.Run("bob", () => "old", run =>
        {
            fixture.Clock.Advance(TimeSpan.FromMilliseconds(250));
            cancelled = run.CancellationToken.IsCancellationRequested;
            return "late";
        });

        Assert.Equal("old", result);
        Assert.True(cancelled);
        var run = Assert.Single(fixture.Recorder.Results);
        Assert.Equal(ShadowOutcome.CandidateTimedOut, run.Outcome);
        Assert.Null(run.CandidateValue);
        Assert.Equal(TimeSpan.FromMilliseconds(250), run.CandidateDuration);
        var entry = Assert.Single(fixture.Log.Entries);
        Assert.Equal(new EventId(1703, "ShadowCandidateTimedOut"), entry.EventId);
        Assert.Equal(200d, entry.Values["TimeoutMs"]);
    }

    [Fact]
    public void A_synchronous_candidate_within_the_timeout_is_compared()
    {
        var fixture = new ShadowFixture(o => o.CandidateTimeout = Limit);

        fixture.Shadow.Run("bob", () => "old", _ =>
        {
            fixture.Clock.Advance(TimeSpan.FromMilliseconds(150));
            return "old";
        });

        Assert.Equal(ShadowOutcome.Match, Assert.Single(fixture.Recorder.Results).Outcome);
    }

    [Fact]
    public async Task An_asynchronous_candidate_is_not_awaited_past_the_timeout()
    {
        var fixture = new ShadowFixture();
        var perCall = new ShadowRunOptions<string> { CandidateTimeout = Limit };
        var never = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var candidateToken = CancellationToken.None;

        var pending = fixture.Shadow.RunAsync("bob", () => new ValueTask<string>("old"), run =>
        {
            candidateToken = run.CancellationToken;
            return new ValueTask<string>(never.Task);
        }, perCall);

        Assert.False(pending.IsCompleted);
        fixture.Clock.Advance(Limit);
        var result = await pending;

        Assert.Equal("old", result);
        Assert.True(candidateToken.IsCancellationRequested);
        var run = Assert.Single(fixture.Recorder.Results);
        Assert.Equal(ShadowOutcome.CandidateTimedOut, run.Outcome);
        Assert.Equal(Limit, run.CandidateDuration);

        // The abandoned candidate may still finish or fail later; nothing more is reported.
        never.SetException(new InvalidOperationException("too late"));
        Assert.Single(fixture.Recorder.Results);
    }

    [Fact]
    public async Task An_asynchronous_candidate_that_stops_on_its_token_is_reported_as_timed_out()
    {
        var fixture = new ShadowFixture(o => o.CandidateTimeout = Limit);

        var pending = fixture.Shadow.RunAsync("bob", () => new ValueTask<int>(1), async run =>
        {
            await Task.Delay(Timeout.Infinite, run.CancellationToken);
            return 2;
        });
        fixture.Clock.Advance(Limit);

        Assert.Equal(1, await pending);
        Assert.Equal(ShadowOutcome.CandidateTimedOut, Assert.Single(fixture.Recorder.Results).Outcome);
    }

    [Fact]
    public async Task An_asynchronous_candidate_within_the_timeout_is_compared()
    {
        var fixture = new ShadowFixture(o => o.CandidateTimeout = Limit);

        var result = await fixture.Shadow.RunAsync("bob", () => new ValueTask<int>(1), async _ => { await Task.Yield(); return 2; });

        Assert.Equal(1, result);
        Assert.Equal(ShadowOutcome.Mismatch, Assert.Single(fixture.Recorder.Results).Outcome);
    }
}
