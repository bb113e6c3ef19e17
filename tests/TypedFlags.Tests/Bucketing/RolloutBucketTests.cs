using System;
using System.Text;
using TypedFlags.Tests.Infrastructure;
using Xunit;

namespace TypedFlags.Tests.Bucketing;

public sealed class RolloutBucketTests
{
    // Computed once with an independent reference implementation (MurmurHash3 x86_32, seed 0, over the UTF-8
    // bytes of "{flagKey}/{bucketKey}", lone surrogates as U+FFFD). These pin every user's bucket forever: if one
    // changes, users move between cohorts, so never update a literal to make a test pass. Lone surrogates are
    // written escaped because attribute arguments are stored as UTF-8, which cannot hold them.
    [Theory]
    [InlineData("invoices.write", "alice", 0xd83019feu, 84448)]
    [InlineData("invoices.write", "bob", 0x4a32f881u, 28984)]
    [InlineData("checkout.layout", "user-42", 0x16cde57fu, 8907)]
    [InlineData("a", "", 0xbdb91b66u, 74110)]
    [InlineData("sessionPersistence.phase2.enhancedStorage", "8f14e45f-ceea-467f-a8f9-3c3e3b1a2d4e", 0xa6f2341cu, 65213)]
    [InlineData("invoices.write", "Jos\u00e9", 0xe4ae27f5u, 89328)]
    [InlineData("flag", "\u65e5\u672c\u8a9e", 0x39551c27u, 22395)]
    [InlineData("flag", "\U0001F600", 0x56d6e19fu, 33921)]
    [InlineData("flag", "\\ud800x", 0xe65576b3u, 89974)]
    [InlineData("flag", "x\\udc00", 0x333b1479u, 20012)]
    [InlineData("flag", "\u00df\u20ac\U0001D11E", 0x7cdc771cu, 48773)]
    [InlineData("i18n.flag", "Zo\u00eb", 0xfbcf4b91u, 98363)]
    public void Golden_buckets(string flagKey, string escapedBucketKey, uint hash, int bucket)
    {
        var bucketKey = Escapes.Decode(escapedBucketKey);
        Assert.Equal(hash, MurmurHash3.Hash(Encoding.UTF8.GetBytes(flagKey + "/" + bucketKey)));
        Assert.Equal(bucket, RolloutBucket.Of(flagKey, bucketKey));
        Assert.Equal(bucket, (int)(((ulong)hash * 100000) >> 32));
    }

    [Fact]
    public void Scaling_covers_exactly_zero_to_99999()
    {
        Assert.Equal(0, RolloutBucket.Scale(0));
        Assert.Equal(99_999, RolloutBucket.Scale(uint.MaxValue));
        Assert.Equal(50_000, RolloutBucket.Scale(0x80000000));
    }

    [Theory]
    [InlineData(10.0)]
    [InlineData(50.0)]
    public void A_rollout_includes_its_share_of_a_million_keys(double percent)
    {
        var threshold = (int)Math.Round(percent * 1000);
        var included = 0;
        const int keys = 1_000_000;
        for (var i = 0; i < keys; i++)
        {
            if (RolloutBucket.Of("dist.flag", "user-" + i) < threshold)
            {
                included++;
            }
        }

        var share = included * 100.0 / keys;
        Assert.InRange(share, percent - 0.1, percent + 0.1);
    }

    [Fact]
    public void Two_flags_at_50_percent_pick_independent_cohorts()
    {
        var both = 0;
        const int keys = 1_000_000;
        for (var i = 0; i < keys; i++)
        {
            var key = "user-" + i;
            if (RolloutBucket.Of("overlap.a", key) < 50_000 && RolloutBucket.Of("overlap.b", key) < 50_000)
            {
                both++;
            }
        }

        Assert.InRange(both * 100.0 / keys, 24.5, 25.5);
    }

    [Fact]
    public void Raising_a_rollout_never_removes_anyone()
    {
        var steps = new[] { 0.0, 0.1, 1, 5, 10, 25, 50, 75, 99.999, 100 };
        var engines = new BoolFlag[steps.Length];
        for (var s = 0; s < steps.Length; s++)
        {
            var manifest = Declare.Manifest(Declare.Bool("mono.flag", rollout: steps[s]));
            engines[s] = Declare.Engine(manifest).BoolAccessor("mono.flag");
        }

        for (var i = 0; i < 20_000; i++)
        {
            var key = "user-" + i;
            var wasIncluded = false;
            for (var s = 0; s < steps.Length; s++)
            {
                var included = engines[s].IsEnabledFor(key);
                Assert.False(wasIncluded && !included, $"{key} left the rollout when it rose to {steps[s]}%.");
                wasIncluded = included;
            }

            Assert.True(wasIncluded, "Everyone is in a 100% rollout.");
        }
    }
}
