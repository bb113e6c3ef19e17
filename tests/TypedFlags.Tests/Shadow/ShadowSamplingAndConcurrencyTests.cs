using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace TypedFlags.Tests.Shadow;

/// <summary>The sample rate's share of shadow calls, and many callers at once.</summary>
public sealed class ShadowSamplingAndConcurrencyTests
{
    [Fact]
    public void A_sample_rate_runs_the_candidate_for_exactly_that_share_of_shadow_calls_spread_evenly()
    {
        var fixture = new ShadowFixture(o => o.SampleRate = 0.25);
        var sampled = new bool[100];

        for (var i = 0; i < sampled.Length; i++)
        {
            var call = i;
            Assert.Equal(call, fixture.Shadow.Run("bob", () => call, _ => { sampled[call] = true; return call; }));
        }

        Assert.Equal(25, sampled.Count(s => s));
        Assert.Equal(25, fixture.Recorder.Results.Count);
        for (var block = 0; block < 100; block += 4)
        {
            Assert.Equal(1, sampled.Skip(block).Take(4).Count(s => s));
        }
    }

    [Fact]
    public async Task A_per_call_sample_rate_replaces_the_engines_for_that_call_async_too()
    {
        var fixture = new ShadowFixture(o => o.SampleRate = 0.5);
        var never = new ShadowRunOptions<int> { SampleRate = 0 };
        var always = new ShadowRunOptions<int> { SampleRate = 1 };
        var candidateRuns = 0;

        for (var i = 0; i < 10; i++)
        {
            await fixture.Shadow.RunAsync("bob", () => new ValueTask<int>(1), _ => new ValueTask<int>(++candidateRuns), never);
        }

        Assert.Equal(0, candidateRuns);
        for (var i = 0; i < 10; i++)
        {
            await fixture.Shadow.RunAsync("bob", () => new ValueTask<int>(1), _ => new ValueTask<int>(++candidateRuns), always);
        }

        Assert.Equal(10, candidateRuns);
    }

    [Fact]
    public void Sampling_is_per_flag_and_off_or_on_calls_do_not_count()
    {
        var fixture = new ShadowFixture(o => o.SampleRate = 0.5);

        for (var i = 0; i < 10; i++)
        {
            fixture.On.Run("bob", () => 0, _ => 1);
            fixture.Shadow.Run("bob", () => 0, _ => 0);
        }

        Assert.Equal(5, fixture.Recorder.Results.Count);
    }

    [Fact]
    public void Concurrent_callers_each_get_their_own_control_result_and_every_run_is_reported()
    {
        var fixture = new ShadowFixture();
        const int Callers = 8;
        const int Calls = 500;
        var wrong = 0;

        Parallel.For(0, Callers, new ParallelOptions { MaxDegreeOfParallelism = Callers }, caller =>
        {
            for (var i = 0; i < Calls; i++)
            {
                var input = (caller * Calls) + i;
                var result = fixture.Shadow.Run(
                    "user-" + caller,
                    input,
                    static n => n * 2,
                    static (n, run) => n % 10 == 0 ? -1 : n * 2);
                if (result != input * 2)
                {
                    Interlocked.Increment(ref wrong);
                }
            }
        });

        Assert.Equal(0, wrong);
        var results = fixture.Recorder.Results;
        Assert.Equal(Callers * Calls, results.Count);
        Assert.Equal(Callers * Calls / 10, results.Count(r => r.Outcome == ShadowOutcome.Mismatch));
        Assert.All(results, r => Assert.Equal((int)r.ControlValue! % 20 == 0 ? -1 : (int)r.ControlValue!, r.CandidateValue));
    }

    [Fact]
    public async Task Concurrent_async_callers_with_sampling_run_exactly_the_share()
    {
        var fixture = new ShadowFixture(o => o.SampleRate = 0.5);
        var candidateRuns = 0;

        var calls = Enumerable.Range(0, 1000).Select(i => Task.Run(async () => await fixture.Shadow.RunAsync(
            "user-" + i,
            async () => { await Task.Yield(); return i; },
            async _ => { Interlocked.Increment(ref candidateRuns); await Task.Yield(); return i; })));
        var results = await Task.WhenAll(calls);

        Assert.Equal(Enumerable.Range(0, 1000), results);
        Assert.Equal(500, candidateRuns);
        Assert.Equal(500, fixture.Recorder.Results.Count(r => r.Outcome == ShadowOutcome.Match));
    }
}
