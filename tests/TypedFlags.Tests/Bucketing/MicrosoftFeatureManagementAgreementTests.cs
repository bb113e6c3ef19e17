using System;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.FeatureManagement;
using Microsoft.FeatureManagement.FeatureFilters;
using TypedFlags.Tests.Infrastructure;
using Xunit;

namespace TypedFlags.Tests.Bucketing;

/// <summary>
/// <c>bucketing: microsoft</c> must put every user in the same cohort as Microsoft.FeatureManagement 4.7.0's
/// targeting filter (<c>Audience.DefaultRolloutPercentage</c>), so a team migrating keeps each user's experience.
/// Checked against the real package, on 100,000 random user ids per percentage.
/// </summary>
public sealed class MicrosoftFeatureManagementAgreementTests
{
    private const int Users = 100_000;

    [Theory]
    [InlineData(0.1)]
    [InlineData(1)]
    [InlineData(10)]
    [InlineData(33.3)]
    [InlineData(50)]
    [InlineData(99.9)]
    public async Task Microsoft_bucketing_agrees_with_the_targeting_filter_for_every_user(double percentage)
    {
        const string key = "checkout.express";
        var flag = Declare.Engine(Declare.Manifest(BucketingAlgorithm.Microsoft, Declare.Bool(key, rollout: percentage))).BoolAccessor(key);
        var filter = new ContextualTargetingFilter(Options.Create(new TargetingEvaluationOptions()), NullLoggerFactory.Instance);
        var settings = new TargetingFilterSettings { Audience = new Audience { DefaultRolloutPercentage = percentage } };
        var random = new Random(4711 + (int)(percentage * 10));
        var included = 0;

        for (var i = 0; i < Users; i++)
        {
            var user = RandomUserId(random);
            var expected = await filter.EvaluateAsync(
                new FeatureFilterEvaluationContext { FeatureName = key, Settings = settings },
                new TargetingContext { UserId = user });

            var actual = flag.IsEnabledFor(user);

            Assert.True(expected == actual, $"user '{user}' at {percentage}%: Microsoft.FeatureManagement says {expected}, TypedFlags says {actual}");
            included += actual ? 1 : 0;
        }

        // The comparison must exercise both answers, or agreeing proves nothing.
        Assert.InRange(included, 1, Users - 1);
    }

    private static string RandomUserId(Random random)
    {
        // A mix of shapes real ids have: GUIDs, e-mail addresses, numbers, non-ASCII names.
        return random.Next(4) switch
        {
            0 => new Guid(RandomBytes(random)).ToString(),
            1 => $"user{random.Next()}@example.com",
            2 => random.NextInt64().ToString(System.Globalization.CultureInfo.InvariantCulture),
            _ => "Zoë-" + (char)random.Next(0x4E00, 0x9FFF) + random.Next(1000),
        };
    }

    private static byte[] RandomBytes(Random random)
    {
        var bytes = new byte[16];
        random.NextBytes(bytes);
        return bytes;
    }
}
