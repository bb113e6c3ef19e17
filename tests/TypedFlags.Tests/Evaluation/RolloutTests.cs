using TypedFlags.Tests.Infrastructure;
using Xunit;

namespace TypedFlags.Tests.Evaluation;

/// <summary>Step 7 for bool flags: the rollout turns the flag on for bucket keys inside it when the base is not On.</summary>
public sealed class RolloutTests
{
    [Fact]
    public void Keys_inside_the_rollout_get_the_flag_with_reason_Split()
    {
        var flag = Declare.Engine(Declare.Manifest(Declare.Bool("f", rollout: 10))).BoolAccessor("f");

        var inside = flag.Evaluate(BucketKeys.Inside("f", 10));
        var outside = flag.Evaluate(BucketKeys.Outside("f", 10));

        Assert.Equal(FlagMode.On, inside.Mode);
        Assert.Equal(FlagReason.Split, inside.Reason);
        Assert.Equal("flags.yaml", inside.Source);
        Assert.Equal(FlagMode.Off, outside.Mode);
        Assert.Equal(FlagReason.Default, outside.Reason);
    }

    [Fact]
    public void Fractional_rollouts_use_thousandths_of_a_percent()
    {
        var flag = Declare.Engine(Declare.Manifest(Declare.Bool("f", rollout: 0.1))).BoolAccessor("f");

        Assert.True(flag.IsEnabledFor(BucketKeys.Inside("f", 0.1)));
        Assert.False(flag.IsEnabledFor(BucketKeys.Between("f", 0.1, 0.2)));
    }

    [Fact]
    public void A_rollout_of_100_includes_every_context_even_without_a_bucket_key()
    {
        var flag = Declare.Engine(Declare.Manifest(Declare.Bool("f", rollout: 100))).BoolAccessor("f");

        Assert.True(flag.IsEnabled);
        Assert.True(flag.IsEnabledFor(default));
        Assert.True(flag.IsEnabledFor(""));
        Assert.Equal(FlagReason.Split, flag.Evaluate(BucketKeys.Outside("f", 99.999)).Reason);
    }

    [Fact]
    public void Below_100_a_context_without_a_bucket_key_is_not_included()
    {
        var flag = Declare.Engine(Declare.Manifest(Declare.Bool("f", rollout: 99.999))).BoolAccessor("f");

        Assert.False(flag.IsEnabled);
        Assert.False(flag.IsEnabledFor(default));
        Assert.False(flag.IsEnabledFor(""));
        Assert.False(flag.IsEnabledFor(new FlagContext { Tenant = "acme", Groups = new[] { "beta" } }));
    }

    [Fact]
    public void A_rollout_of_0_includes_nobody()
    {
        var flag = Declare.Engine(Declare.Manifest(Declare.Bool("f", rollout: 0))).BoolAccessor("f");

        Assert.False(flag.IsEnabledFor(BucketKeys.Inside("f", 0.001)));
    }

    [Fact]
    public void Tenant_bucketing_uses_the_tenant_as_the_bucket_key()
    {
        var flag = Declare.Engine(Declare.Manifest(Declare.Bool("f", rollout: 10, bucketBy: FlagBucketBy.Tenant))).BoolAccessor("f");
        var insideKey = BucketKeys.Inside("f", 10);
        var outsideKey = BucketKeys.Outside("f", 10);

        Assert.True(flag.IsEnabledFor(new FlagContext { TargetingKey = outsideKey, Tenant = insideKey }));
        Assert.False(flag.IsEnabledFor(new FlagContext { TargetingKey = insideKey, Tenant = outsideKey }));
        Assert.False(flag.IsEnabledFor(new FlagContext { TargetingKey = insideKey }));
    }

    [Fact]
    public void The_rollout_applies_only_when_the_base_is_not_on()
    {
        var flag = Declare.Engine(Declare.Manifest(Declare.Bool("f", FlagMode.On, rollout: 0))).BoolAccessor("f");

        var evaluation = flag.Evaluate("anyone");

        Assert.Equal(FlagMode.On, evaluation.Mode);
        Assert.Equal(FlagReason.Default, evaluation.Reason);
    }

    [Fact]
    public void The_rollout_adds_to_a_phase_that_is_off()
    {
        var flag = Declare.Engine(Declare.Manifest(Declare.Bool("f", phase: "beta", rollout: 10)), "Production").BoolAccessor("f");

        Assert.Equal(FlagReason.Split, flag.Evaluate(BucketKeys.Inside("f", 10)).Reason);
        Assert.Equal(FlagReason.Phase, flag.Evaluate(BucketKeys.Outside("f", 10)).Reason);
    }

    [Fact]
    public void A_shadow_base_with_a_rollout_is_on_inside_the_rollout_and_shadow_for_the_rest()
    {
        var flag = Declare.Engine(Declare.Manifest(Declare.Bool("f", FlagMode.Shadow, rollout: 25))).BoolAccessor("f");
        var inside = BucketKeys.Inside("f", 25);
        var outside = BucketKeys.Outside("f", 25);

        Assert.True(flag.IsEnabledFor(inside));
        Assert.False(flag.IsShadowFor(inside));
        Assert.Equal(FlagReason.Split, flag.Evaluate(inside).Reason);

        Assert.False(flag.IsEnabledFor(outside));
        Assert.True(flag.IsShadowFor(outside));
        Assert.Equal(FlagReason.Default, flag.Evaluate(outside).Reason);

        Assert.False(flag.IsEnabled);
    }

    [Fact]
    public void Context_free_reads_are_on_only_at_100_percent()
    {
        var manifest = Declare.Manifest(Declare.Bool("half", rollout: 50), Declare.Bool("all", rollout: 100));
        var engine = Declare.Engine(manifest);

        Assert.False(engine.BoolAccessor("half").IsEnabled);
        Assert.True(engine.BoolAccessor("all").IsEnabled);
    }
}
