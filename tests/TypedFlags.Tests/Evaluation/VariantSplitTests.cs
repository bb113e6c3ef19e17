using TypedFlags.Tests.Infrastructure;
using Xunit;

namespace TypedFlags.Tests.Evaluation;

/// <summary>Step 7 for variant flags: <c>split</c> maps variants to shares, walked in declaration order.</summary>
public sealed class VariantSplitTests
{
    private static readonly Layout[] Members = { Layout.Classic, Layout.Compact, Layout.Wide };

    private static VariantFlag<Layout> Flag(params (string Variant, double Percent)[] split)
    {
        var shares = new System.Collections.Generic.KeyValuePair<string, double>[split.Length];
        for (var i = 0; i < split.Length; i++)
        {
            shares[i] = Declare.Share(split[i].Variant, split[i].Percent);
        }

        var manifest = Declare.Manifest(Declare.Variant("checkout.layout", new[] { "classic", "compact", "wide" }, split: shares));
        return new VariantFlag<Layout>(Declare.Engine(manifest), 0, Members);
    }

    [Fact]
    public void Shares_are_cumulative_in_declaration_order()
    {
        var flag = Flag(("compact", 20), ("wide", 10));

        var compact = flag.Evaluate(BucketKeys.Inside("checkout.layout", 20));
        var wide = flag.Evaluate(BucketKeys.Between("checkout.layout", 20, 30));
        var rest = flag.Evaluate(BucketKeys.Outside("checkout.layout", 30));

        Assert.Equal(Layout.Compact, compact.Value);
        Assert.Equal(FlagReason.Split, compact.Reason);
        Assert.Equal(Layout.Wide, wide.Value);
        Assert.Equal(FlagReason.Split, wide.Reason);
        Assert.Equal(Layout.Classic, rest.Value);
        Assert.Equal(FlagReason.Default, rest.Reason);
        Assert.Equal(FlagMode.On, rest.Mode);
    }

    [Fact]
    public void The_declaration_order_decides_who_gets_which_variant()
    {
        var key = BucketKeys.Inside("checkout.layout", 10);

        Assert.Equal(Layout.Wide, Flag(("wide", 10), ("compact", 20)).GetValue(key));
        Assert.Equal(Layout.Compact, Flag(("compact", 20), ("wide", 10)).GetValue(key));
    }

    [Fact]
    public void A_zero_share_gets_nobody()
    {
        var flag = Flag(("compact", 0), ("wide", 50));

        Assert.Equal(Layout.Wide, flag.GetValue(BucketKeys.Inside("checkout.layout", 0.001)));
    }

    [Fact]
    public void A_full_share_covers_every_context_even_without_a_bucket_key()
    {
        var flag = Flag(("compact", 0), ("wide", 100));

        Assert.Equal(Layout.Wide, flag.Value);
        Assert.Equal(Layout.Wide, flag.GetValue(default));
        Assert.Equal(FlagReason.Split, flag.Evaluate("anyone").Reason);
    }

    [Fact]
    public void Without_a_bucket_key_a_partial_split_gives_the_base_value()
    {
        var flag = Flag(("compact", 60), ("wide", 40));

        Assert.Equal(Layout.Classic, flag.Value);
        Assert.Equal(FlagReason.Default, flag.Evaluate(default).Reason);
    }

    [Fact]
    public void Shares_that_add_up_to_100_give_everyone_with_a_bucket_key_a_variant()
    {
        var flag = Flag(("compact", 60), ("wide", 40));

        for (var i = 0; i < 1000; i++)
        {
            Assert.Equal(FlagReason.Split, flag.Evaluate("user-" + i).Reason);
        }
    }

    [Fact]
    public void Tenant_bucketing_splits_by_tenant()
    {
        var manifest = Declare.Manifest(Declare.Variant(
            "checkout.layout",
            new[] { "classic", "compact", "wide" },
            split: new[] { Declare.Share("compact", 20) },
            bucketBy: FlagBucketBy.Tenant));
        var flag = new VariantFlag<Layout>(Declare.Engine(manifest), 0, Members);
        var inside = BucketKeys.Inside("checkout.layout", 20);

        Assert.Equal(Layout.Compact, flag.GetValue(new FlagContext { Tenant = inside }));
        Assert.Equal(Layout.Classic, flag.GetValue(new FlagContext { TargetingKey = inside }));
    }

    [Fact]
    public void The_split_applies_over_an_environment_value()
    {
        var manifest = Declare.Manifest(Declare.Variant(
            "checkout.layout",
            new[] { "classic", "compact", "wide" },
            split: new[] { Declare.Share("compact", 20) },
            environments: new[] { Declare.In("production", FlagValue.FromVariant(2)) }));
        var flag = new VariantFlag<Layout>(Declare.Engine(manifest), 0, Members);

        Assert.Equal(Layout.Compact, flag.GetValue(BucketKeys.Inside("checkout.layout", 20)));
        var rest = flag.Evaluate(BucketKeys.Outside("checkout.layout", 20));
        Assert.Equal(Layout.Wide, rest.Value);
        Assert.Equal(FlagReason.Environment, rest.Reason);
    }

    private enum Layout
    {
        Classic,
        Compact,
        Wide,
    }
}
