using System;
using System.Collections;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using TypedFlags.Tests.Infrastructure;
using Xunit;

namespace TypedFlags.Tests.Evaluation;

public sealed class RobustnessTests
{
    [Fact]
    public void A_context_that_throws_falls_back_to_the_context_free_value()
    {
        var manifest = Declare.Manifest(Declare.Bool("f", FlagMode.On, allow: new[] { "group:beta" }));
        var flag = Declare.Engine(manifest).BoolAccessor("f");
        var context = new FlagContext { Groups = new ThrowingList() };

        var evaluation = flag.Evaluate(context);

        Assert.True(evaluation.Value);
        Assert.Equal(FlagReason.Default, evaluation.Reason);
        Assert.True(flag.IsEnabledFor(context));
    }

    [Fact]
    public async Task Reads_during_step_changes_always_see_a_whole_snapshot()
    {
        var start = new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);
        var steps = new FlagScheduleStep[20];
        for (var i = 0; i < steps.Length; i++)
        {
            // Alternates 0% and 100%: every snapshot has a single value for everyone.
            steps[i] = new FlagScheduleStep(start.AddMinutes(i + 1), i % 2 == 0 ? 100 : 0);
        }

        var manifest = Declare.Manifest(
            Declare.Bool("a", schedule: steps),
            Declare.Bool("b", requires: new[] { "a" }, schedule: steps));
        var time = new ManualTimeProvider(start);
        var engine = Declare.Engine(manifest, time: time);
        var a = engine.BoolAccessor("a");
        var b = engine.BoolAccessor("b");
        var stop = 0;
        var torn = 0;

        var readers = new Task[2];
        for (var r = 0; r < readers.Length; r++)
        {
            readers[r] = Task.Run(() =>
            {
                while (Volatile.Read(ref stop) == 0)
                {
                    // b requires a and shares its schedule, so within one snapshot b is either on through the
                    // rollout (both at 100%) or off through its prerequisite (both at 0%). Off by Default would
                    // mean a and b were read from different snapshots.
                    if (b.Evaluate("alice").Reason is not (FlagReason.Split or FlagReason.Prerequisite))
                    {
                        Interlocked.Increment(ref torn);
                    }
                }
            });
        }

        for (var i = 0; i < steps.Length; i++)
        {
            time.Advance(TimeSpan.FromMinutes(1));
            Assert.Equal(i % 2 == 0, a.IsEnabled);
            Assert.Equal(i % 2 == 0, b.IsEnabled);
        }

        Volatile.Write(ref stop, 1);
        await Task.WhenAll(readers);
        Assert.Equal(0, torn);
    }

    private sealed class ThrowingList : IReadOnlyList<string>
    {
        public int Count => throw new InvalidOperationException("broken context");

        public string this[int index] => throw new InvalidOperationException("broken context");

        public IEnumerator<string> GetEnumerator() => throw new InvalidOperationException("broken context");

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
