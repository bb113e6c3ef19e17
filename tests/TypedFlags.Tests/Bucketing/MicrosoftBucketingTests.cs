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

    [Theory]
    [InlineData(23.82, true)]
    [InlineData(23.819, false)]
    [InlineData(100, true)]
    public void Anonymous_callers_are_hashed_as_the_empty_id(double rollout, bool included)
    {
        // Microsoft.FeatureManagement hashes "\nf" for a caller without a user id: 23.8194...%, not "never below 100%".
        var flag = Declare.Engine(Declare.Manifest(BucketingAlgorithm.Microsoft, Declare.Bool("f", rollout: rollout))).BoolAccessor("f");

        Assert.Equal(included, flag.IsEnabledFor(default));
        Assert.Equal(included, flag.IsEnabledFor(new FlagContext { TargetingKey = string.Empty }));
        Assert.Equal(included, flag.IsEnabled);
    }

    [Fact]
    public void Splits_walk_the_allocation_percentage()
    {
        // Percentile allocation hashes "{user}\n{seed}", the seed defaulting to "allocation\n{flag}": bob is at
        // 96.0848...% for invoices.write, past a 96.08% share, inside a 96.085% one; with seed 130 he is at 97.9014...%.
        var shares = new[] { Declare.Share("b", 96.08), Declare.Share("c", 0.005) };
        var evaluation = Split(new FlagDefinition("invoices.write", FlagValueKind.Variant, "d", FlagValue.FromVariant(0), "E", variants: new[] { "a", "b", "c" }, split: shares));
        var seeded = Split(new FlagDefinition("invoices.write", FlagValueKind.Variant, "d", FlagValue.FromVariant(0), "E", variants: new[] { "a", "b", "c" }, split: shares, seed: "130"));

        Assert.Equal(Abc.C, evaluation.Value);
        Assert.Equal(FlagReason.Split, evaluation.Reason);
        Assert.Equal(Abc.A, seeded.Value);
        Assert.Equal(FlagReason.Default, seeded.Reason);
    }

    [Theory]
    [InlineData(84.526, true)]
    [InlineData(84.525, false)]
    public void Group_rollouts_hash_the_group_as_the_context_names_it(double rollout, bool included)
    {
        // "bob\ninvoices.write\nring1" is at 84.5259...%; with ignore_case the context's "RING1" is hashed lowercased.
        var definition = new FlagDefinition("invoices.write", FlagValueKind.Bool, "d", FlagValue.FromBool(false), "E", groupRollouts: new[] { Declare.Share("Ring1", rollout) });
        var flag = Declare.Engine(new FlagManifest(new[] { definition }, Declare.Phases(), bucketing: BucketingAlgorithm.Microsoft, ignoreCase: true)).BoolAccessor("invoices.write");

        Assert.Equal(included, flag.IsEnabledFor(new FlagContext { TargetingKey = "bob", Groups = new[] { "RING1" } }));
        Assert.Equal(included ? FlagReason.TargetingMatch : FlagReason.Default, flag.Evaluate(new FlagContext { TargetingKey = "BOB", Groups = new[] { "ring1" } }).Reason);
    }

    private static FlagEvaluation<Abc> Split(FlagDefinition definition) =>
        new VariantFlag<Abc>(Declare.Engine(new FlagManifest(new[] { definition }, Declare.Phases(), bucketing: BucketingAlgorithm.Microsoft)), 0, new[] { Abc.A, Abc.B, Abc.C }).Evaluate("bob");

    private enum Abc
    {
        A,
        B,
        C,
    }
}
