using System;
using TypedFlags.Tests.Infrastructure;
using Xunit;

namespace TypedFlags.Tests.Evaluation;

/// <summary>Reads allocate nothing: measured with the current thread's allocation counter, after warm-up.</summary>
public sealed class AllocationTests
{
    private static readonly FlagManifest Manifest = Declare.Manifest(
        Declare.Bool("gate", FlagMode.On),
        Declare.Bool("f", requires: new[] { "gate" }, rollout: 30, allow: new[] { "group:beta" }, deny: new[] { "tenant:bigcorp" }),
        Declare.Int("limit", 10),
        Declare.String("greeting", "hello"),
        Declare.Variant("layout", new[] { "classic", "compact", "wide" }, split: new[] { Declare.Share("compact", 20), Declare.Share("wide", 10) }));

    [Fact]
    public void Context_free_reads_do_not_allocate()
    {
        var engine = Declare.Engine(Manifest);
        var flag = engine.BoolAccessor("f");
        var limit = new Flag<int>(engine, 2);
        var greeting = new Flag<string>(engine, 3);
        var layout = new VariantFlag<DayOfWeek>(engine, 4, new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday });

        Assert.Equal(0, AllocationCounter.Measure(_ => (flag.IsEnabled ? 1 : 0) + limit.Value + greeting.Value.Length + (int)layout.Value));
    }

    [Fact]
    public void Targeted_reads_do_not_allocate()
    {
        var engine = Declare.Engine(Manifest);
        var flag = engine.BoolAccessor("f");
        var limit = new Flag<int>(engine, 2);
        var layout = new VariantFlag<DayOfWeek>(engine, 4, new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday });
        var contexts = new FlagContext[64];
        for (var i = 0; i < contexts.Length; i++)
        {
            contexts[i] = new FlagContext
            {
                TargetingKey = "user-" + i,
                Tenant = i % 5 == 0 ? "bigcorp" : "acme",
                Groups = i % 7 == 0 ? new[] { "staff", "beta" } : new[] { "staff" },
            };
        }

        Assert.Equal(0, AllocationCounter.Measure(i =>
        {
            var context = contexts[i & 63];
            var evaluation = flag.Evaluate(context);
            return (flag.IsEnabledFor(context) ? 1 : 0)
                + (flag.IsShadowFor(context) ? 1 : 0)
                + (int)evaluation.Reason
                + limit.GetValue(context)
                + limit.Evaluate(context).Value
                + (int)layout.GetValue(context)
                + (int)layout.Evaluate(context).Reason;
        }));
    }
}
