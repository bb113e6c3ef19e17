using System;
using TypedFlags.Tests.Infrastructure;
using Xunit;

namespace TypedFlags.Tests.Shadow;

/// <summary>
/// The synchronous Off and On paths allocate nothing: measured with the current thread's allocation counter after warm-up,
/// with the same AllocationCounter as the read allocation tests.
/// </summary>
public sealed class ShadowAllocationTests
{
    private static readonly FlagManifest Manifest = Declare.Manifest(
        Declare.Bool("alloc.off", FlagMode.Off),
        Declare.Bool("alloc.on", FlagMode.On),
        Declare.Bool("alloc.targeted", FlagMode.Off, allow: new[] { "group:beta" }, rollout: 30));

    private static readonly Func<int> Control = static () => 1;
    private static readonly Func<CandidateRun, int> Candidate = static run => run.IsShadow ? 0 : 2;

    [Fact]
    public void Off_and_on_with_state_and_static_lambdas_do_not_allocate()
    {
        var engine = Declare.Engine(Manifest);
        var off = engine.BoolAccessor("alloc.off");
        var on = engine.BoolAccessor("alloc.on");
        var invoice = (Lines: 3, Amount: 120m);
        FlagContext context = "alice";

        Assert.Equal(0, AllocationCounter.Measure(i =>
            off.Run(context, invoice, static s => s.Lines, static (s, _) => s.Lines + 1)
            + on.Run(context, invoice, static s => s.Lines, static (s, _) => s.Lines + 1)
            + off.Run(invoice, static s => s.Lines, static (s, _) => s.Lines + 1)
            + on.Run(invoice, static s => s.Lines, static (s, _) => s.Lines + 1)));
    }

    [Fact]
    public void Off_and_on_with_cached_delegates_do_not_allocate()
    {
        var engine = Declare.Engine(Manifest);
        var off = engine.BoolAccessor("alloc.off");
        var on = engine.BoolAccessor("alloc.on");

        Assert.Equal(0, AllocationCounter.Measure(_ => off.Run("alice", Control, Candidate) + on.Run("alice", Control, Candidate) + on.Run(Control, Candidate)));
    }

    [Fact]
    public void Targeted_contexts_and_bound_accessors_do_not_allocate_either()
    {
        var engine = Declare.Engine(Manifest);
        var contexts = new FlagContext[64];
        var bound = new BoolFlag[64];
        for (var i = 0; i < contexts.Length; i++)
        {
            contexts[i] = new FlagContext { TargetingKey = "user-" + i, Groups = i % 3 == 0 ? new[] { "beta" } : null };
            bound[i] = new BoolFlag(engine, Manifest.IndexOf("alloc.targeted"), contexts[i]);
        }

        var targeted = engine.BoolAccessor("alloc.targeted");

        Assert.Equal(0, AllocationCounter.Measure(i =>
            targeted.Run(contexts[i & 63], i, static n => n, static (n, _) => -n)
            + bound[i & 63].Run(i, static n => n, static (n, _) => -n)));
    }
}
