using TypedFlags.Tests.Infrastructure;
using Xunit;

namespace TypedFlags.Tests.Bucketing;

public sealed class MicrosoftBucketingTests
{
    // SHA-256 of UTF-8 "{bucketKey}\n{flagKey}", first four bytes little-endian / uint.MaxValue * 100, from an
    // independent reference implementation.
    [Theory]
    [InlineData("invoices.write", "alice", 77.71631397253748)]
    [InlineData("invoices.write", "bob", 11.004886732205025)]
    [InlineData("Beta", "Jeff", 55.258553371592086)]
    [InlineData("flag", "Jos\u00e9", 80.60085034943205)]
    public void Golden_percentages(string flagKey, string bucketKey, double percentage)
    {
        Assert.Equal(percentage, MicrosoftTargeting.Percentage(flagKey, bucketKey), 10);
    }

    [Theory]
    [InlineData(77.717, true)]
    [InlineData(77.716, false)]
    [InlineData(100, true)]
    [InlineData(0, false)]
    public void Includes_a_user_when_the_percentage_is_below_the_rollout(double rollout, bool included)
    {
        // alice's percentage for invoices.write is 77.7163...
        var manifest = Declare.Manifest(BucketingAlgorithm.Microsoft, Declare.Bool("invoices.write", rollout: rollout));
        var flag = Declare.Engine(manifest).BoolAccessor("invoices.write");

        Assert.Equal(included, flag.IsEnabledFor("alice"));
    }

    [Fact]
    public void Without_a_bucket_key_only_100_percent_includes()
    {
        var partial = Declare.Engine(Declare.Manifest(BucketingAlgorithm.Microsoft, Declare.Bool("f", rollout: 99.999))).BoolAccessor("f");
        var full = Declare.Engine(Declare.Manifest(BucketingAlgorithm.Microsoft, Declare.Bool("f", rollout: 100))).BoolAccessor("f");

        Assert.False(partial.IsEnabledFor(default));
        Assert.True(full.IsEnabledFor(default));
    }

    [Fact]
    public void Splits_walk_the_same_percentage()
    {
        // bob is at 11.0048...% for invoices.write: past a 11% share, inside an 11.005% one.
        var manifest = Declare.Manifest(
            BucketingAlgorithm.Microsoft,
            Declare.Variant("invoices.write", new[] { "a", "b", "c" }, split: new[] { Declare.Share("b", 11), Declare.Share("c", 0.005) }));
        var evaluation = new VariantFlag<Abc>(Declare.Engine(manifest), 0, new[] { Abc.A, Abc.B, Abc.C }).Evaluate("bob");

        Assert.Equal(Abc.C, evaluation.Value);
        Assert.Equal(FlagReason.Split, evaluation.Reason);
    }

    private enum Abc
    {
        A,
        B,
        C,
    }
}
