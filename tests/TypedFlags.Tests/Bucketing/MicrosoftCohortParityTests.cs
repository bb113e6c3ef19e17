using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.FeatureManagement;
using Microsoft.FeatureManagement.FeatureFilters;
using TypedFlags.Tests.Infrastructure;
using Xunit;

namespace TypedFlags.Tests.Bucketing;

/// <summary>
/// With <c>bucketing: microsoft</c>, group rollouts, percentile variant allocation (with and without a seed),
/// anonymous callers and <c>ignore_case</c> put every caller in the cohort the real Microsoft.FeatureManagement 4.7.0
/// package puts them in: 100,000 random callers per case, each asked of both.
/// </summary>
public sealed class MicrosoftCohortParityTests
{
    private const int Callers = 100_000;
    private static readonly string[] GroupPool = { "Ring0", "Ring1", "ring1", "RING2", "Ring2", "Beta Testers", "beta testers", "Other" };

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Group_rollouts_exclusions_and_user_lists_agree_for_every_caller(bool ignoreCase)
    {
        // The old feature name is not a valid key: hash_name carries it, so the cohorts stay where they were.
        var definition = new FlagDefinition(
            "two-factor",
            FlagValueKind.Bool,
            "Second factor",
            FlagValue.FromBool(false),
            "FLAGS_TWO_FACTOR",
            rollout: 10,
            allow: new[] { "Jeff", "alice", "group:Ring0" },
            deny: new[] { "Anne", "group:Other" },
            hashName: "2FA Feature",
            groupRollouts: new[] { Pair("Ring1", 50), Pair("Ring2", 20), Pair("Beta Testers", 33.333) });
        var flag = Engine(ignoreCase, definition).BoolAccessor("two-factor");
        var filter = new ContextualTargetingFilter(Options.Create(new TargetingEvaluationOptions { IgnoreCase = ignoreCase }), NullLoggerFactory.Instance);
        var settings = new TargetingFilterSettings
        {
            Audience = new Audience
            {
                Users = new List<string> { "Jeff", "alice" },
                Groups = new List<GroupRollout>
                {
                    new() { Name = "Ring0", RolloutPercentage = 100 },
                    new() { Name = "Ring1", RolloutPercentage = 50 },
                    new() { Name = "Ring2", RolloutPercentage = 20 },
                    new() { Name = "Beta Testers", RolloutPercentage = 33.333 },
                },
                DefaultRolloutPercentage = 10,
                Exclusion = new BasicAudience { Users = new List<string> { "Anne" }, Groups = new List<string> { "Other" } },
            },
        };
        var random = new Random(ignoreCase ? 18 : 81);
        var on = 0;
        for (var i = 0; i < Callers; i++)
        {
            var user = i % 1000 == 0 ? null : CallerIds.Random(random, mixCase: ignoreCase);
            var groups = RandomGroups(random);
            var expected = await filter.EvaluateAsync(
                new FeatureFilterEvaluationContext { FeatureName = "2FA Feature", Settings = settings },
                new TargetingContext { UserId = user, Groups = groups });
            var actual = flag.IsEnabledFor(new FlagContext { TargetingKey = user, Groups = groups });
            Assert.True(expected == actual, $"'{user}' in [{string.Join(", ", groups)}]: Microsoft.FeatureManagement says {expected}, TypedFlags {actual}");
            on += actual ? 1 : 0;
        }

        Assert.InRange(on, Callers / 10, Callers - (Callers / 10));
    }

    [Fact]
    public async Task Listed_users_and_groups_match_ignoring_case_only_with_ignore_case()
    {
        // The pairs the random ids rarely hit: a listed user or group written in another case.
        foreach (var ignoreCase in new[] { false, true })
        {
            var definition = new FlagDefinition(
                "beta", FlagValueKind.Bool, "Beta", FlagValue.FromBool(false), "FLAGS_BETA",
                allow: new[] { "Jeff" }, deny: new[] { "Anne" }, groupRollouts: new[] { Pair("Ring1", 100) });
            var flag = Engine(ignoreCase, definition).BoolAccessor("beta");
            var filter = new ContextualTargetingFilter(Options.Create(new TargetingEvaluationOptions { IgnoreCase = ignoreCase }), NullLoggerFactory.Instance);
            var settings = new TargetingFilterSettings
            {
                Audience = new Audience
                {
                    Users = new List<string> { "Jeff" },
                    Groups = new List<GroupRollout> { new() { Name = "Ring1", RolloutPercentage = 100 } },
                    Exclusion = new BasicAudience { Users = new List<string> { "Anne" } },
                },
            };
            foreach (var (user, groups) in new[] { ("jeff", Array.Empty<string>()), ("JEFF", Array.Empty<string>()), ("anne", new[] { "Ring1" }), ("x", new[] { "ring1" }), ("x", new[] { "RING1" }) })
            {
                var expected = await filter.EvaluateAsync(new FeatureFilterEvaluationContext { FeatureName = "beta", Settings = settings }, new TargetingContext { UserId = user, Groups = groups });
                Assert.Equal(expected, flag.IsEnabledFor(new FlagContext { TargetingKey = user, Groups = groups }));
                Assert.Equal(ignoreCase, expected != (user == "anne"));
            }
        }
    }

    [Theory]
    [InlineData(null, false)]
    [InlineData("130", false)]
    [InlineData("130", true)]
    public async Task Percentile_allocation_gives_every_caller_the_same_variant(string? seed, bool ignoreCase)
    {
        var definition = new FlagDefinition(
            "checkout.layout",
            FlagValueKind.Variant,
            "Checkout layout",
            FlagValue.FromVariant(0),
            "FLAGS_CHECKOUT_LAYOUT",
            variants: new[] { "classic", "compact", "wide" },
            split: new[] { Pair("classic", 33.333), Pair("compact", 46.667), Pair("wide", 20) },
            hashName: "CheckoutLayout",
            seed: seed);
        var flag = new VariantFlag<Layout>(Engine(ignoreCase, definition), 0, new[] { Layout.Classic, Layout.Compact, Layout.Wide });
        var manager = new FeatureManager(new ConfigurationFeatureDefinitionProvider(Json(
            "{ \"feature_management\": { \"feature_flags\": [ { \"id\": \"CheckoutLayout\", \"enabled\": true, " +
            "\"variants\": [ { \"name\": \"classic\" }, { \"name\": \"compact\" }, { \"name\": \"wide\" } ], " +
            "\"allocation\": { \"default_when_enabled\": \"classic\", " + (seed is null ? string.Empty : $"\"seed\": \"{seed}\", ") +
            "\"percentile\": [ { \"variant\": \"classic\", \"from\": 0, \"to\": 33.333 }, { \"variant\": \"compact\", \"from\": 33.333, \"to\": 80 }, { \"variant\": \"wide\", \"from\": 80, \"to\": 100 } ] } } ] } }")))
        {
            AssignerOptions = new TargetingEvaluationOptions { IgnoreCase = ignoreCase },
        };
        var random = new Random(130 + (ignoreCase ? 1 : 0) + (seed is null ? 2 : 0));
        var counts = new int[3];
        for (var i = 0; i < Callers; i++)
        {
            var user = i % 1000 == 0 ? null : CallerIds.Random(random, mixCase: ignoreCase);
            var expected = (await manager.GetVariantAsync("CheckoutLayout", new TargetingContext { UserId = user })).Name;
            var actual = flag.GetValue(user);
            Assert.True(string.Equals(expected, actual.ToString(), StringComparison.OrdinalIgnoreCase), $"'{user}': Microsoft.FeatureManagement gives {expected}, TypedFlags {actual}");
            counts[(int)actual]++;
        }

        Assert.All(counts, count => Assert.InRange(count, Callers / 10, Callers / 2));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task User_group_and_percentile_allocation_give_every_caller_the_same_variant(bool ignoreCase)
    {
        // Microsoft.FeatureManagement's order: user allocations, then group allocations in order, then percentiles, then
        // default_when_enabled. In flags.yaml: targets (users, then the first declared group), the split, the default.
        // 20 users per allocation: Microsoft.FeatureManagement scans its lists on every call (about 100 µs a call with
        // 100 users), and one caller in ten is an allocated user anyway.
        var random = new Random(2026 + (ignoreCase ? 1 : 0));
        var compactUsers = Enumerable.Range(0, 20).Select(_ => CallerIds.Random(random, mixCase: false)).ToList();
        var wideUsers = Enumerable.Range(0, 20).Select(_ => CallerIds.Random(random, mixCase: false)).ToList();
        wideUsers.Add(compactUsers[0]); // in both allocations: the first one wins
        var groupAllocations = new[] { ("wide", new[] { "Ring1", "Beta Testers" }), ("compact", new[] { "Ring0", "Ring2" }) };

        var targets = new List<KeyValuePair<string, FlagValue>>();
        foreach (var (users, variant) in new[] { (compactUsers, 1), (wideUsers, 2) })
        {
            foreach (var user in users.Where(u => !targets.Any(t => t.Key == u)))
            {
                targets.Add(new(user, FlagValue.FromVariant(variant)));
            }
        }

        foreach (var (variant, groups) in groupAllocations)
        {
            targets.AddRange(groups.Select(g => new KeyValuePair<string, FlagValue>("group:" + g, FlagValue.FromVariant(variant == "wide" ? 2 : 1))));
        }

        var definition = new FlagDefinition(
            "checkout.layout",
            FlagValueKind.Variant,
            "Checkout layout",
            FlagValue.FromVariant(2),
            "FLAGS_CHECKOUT_LAYOUT",
            variants: new[] { "classic", "compact", "wide" },
            split: new[] { Pair("classic", 30), Pair("compact", 30) },
            hashName: "CheckoutLayout",
            targets: targets.ToArray());
        var flag = new VariantFlag<Layout>(Engine(ignoreCase, definition), 0, new[] { Layout.Classic, Layout.Compact, Layout.Wide });

        static string Quoted(IEnumerable<string> items) => string.Join(", ", items.Select(i => "\"" + i + "\""));
        var manager = new FeatureManager(new ConfigurationFeatureDefinitionProvider(Json(
            "{ \"feature_management\": { \"feature_flags\": [ { \"id\": \"CheckoutLayout\", \"enabled\": true, " +
            "\"variants\": [ { \"name\": \"classic\" }, { \"name\": \"compact\" }, { \"name\": \"wide\" } ], " +
            "\"allocation\": { \"default_when_enabled\": \"wide\", " +
            $"\"user\": [ {{ \"variant\": \"compact\", \"users\": [ {Quoted(compactUsers)} ] }}, {{ \"variant\": \"wide\", \"users\": [ {Quoted(wideUsers)} ] }} ], " +
            $"\"group\": [ {string.Join(", ", groupAllocations.Select(a => $"{{ \"variant\": \"{a.Item1}\", \"groups\": [ {Quoted(a.Item2)} ] }}"))} ], " +
            "\"percentile\": [ { \"variant\": \"classic\", \"from\": 0, \"to\": 30 }, { \"variant\": \"compact\", \"from\": 30, \"to\": 60 } ] } } ] } }")))
        {
            AssignerOptions = new TargetingEvaluationOptions { IgnoreCase = ignoreCase },
        };

        var allocated = compactUsers.Concat(wideUsers).ToList();
        var byTarget = 0;
        for (var i = 0; i < Callers; i++)
        {
            var user = i % 1000 == 0 ? null
                : i % 10 == 1 ? MixCase(allocated[random.Next(allocated.Count)], random, ignoreCase)
                : CallerIds.Random(random, mixCase: ignoreCase);
            var groups = RandomGroups(random);
            var expected = (await manager.GetVariantAsync("CheckoutLayout", new TargetingContext { UserId = user, Groups = groups })).Name;
            var evaluation = flag.Evaluate(new FlagContext { TargetingKey = user, Groups = groups });
            Assert.True(
                string.Equals(expected, evaluation.Value.ToString(), StringComparison.OrdinalIgnoreCase),
                $"'{user}' in [{string.Join(", ", groups)}]: Microsoft.FeatureManagement gives {expected}, TypedFlags {evaluation.Value} ({evaluation.Reason})");
            byTarget += evaluation.Reason == FlagReason.TargetingMatch ? 1 : 0;
        }

        // Both paths are exercised: a good share of callers is placed by a user or group, the rest by the split.
        Assert.InRange(byTarget, Callers / 5, Callers * 4 / 5);
    }

    private static string MixCase(string id, Random random, bool mix) =>
        mix ? new string(id.Select(c => random.Next(2) == 0 ? char.ToUpperInvariant(c) : c).ToArray()) : id;

    [Fact]
    public async Task Anonymous_callers_are_hashed_as_the_empty_id_for_10000_feature_names()
    {
        // One anonymous caller has one position per feature, so the cohort is taken over many features: the default
        // rollout, a group rollout and a percentile allocation each.
        const int features = 10_000;
        var definitions = new List<FlagDefinition>();
        for (var i = 0; i < features; i++)
        {
            definitions.Add(new FlagDefinition(
                "f" + i, FlagValueKind.Bool, "Feature " + i, FlagValue.FromBool(false), "FLAGS_F" + i,
                rollout: 50, hashName: "Feature " + i, groupRollouts: new[] { Pair("Ring1", 30) }));
            definitions.Add(new FlagDefinition(
                "v" + i, FlagValueKind.Variant, "Variant " + i, FlagValue.FromVariant(0), "FLAGS_V" + i,
                variants: new[] { "classic", "compact", "wide" }, split: new[] { Pair("classic", 25), Pair("compact", 25), Pair("wide", 50) },
                hashName: "Variant " + i));
        }

        var engine = Engine(ignoreCase: false, definitions.ToArray());
        var filter = new ContextualTargetingFilter(Options.Create(new TargetingEvaluationOptions()), NullLoggerFactory.Instance);
        var flagSettings = new TargetingFilterSettings { Audience = new Audience { DefaultRolloutPercentage = 50 } };
        var groupSettings = new TargetingFilterSettings { Audience = new Audience { Groups = new List<GroupRollout> { new() { Name = "Ring1", RolloutPercentage = 30 } } } };
        var ring1 = new[] { "Ring1" };
        var manager = new FeatureManager(new VariantFeatures(features));
        var on = 0;
        var disagreements = new List<string>();
        for (var i = 0; i < features; i++)
        {
            var flag = new BoolFlag(engine, 2 * i);
            var anonymous = new TargetingContext();
            var byDefault = await filter.EvaluateAsync(new FeatureFilterEvaluationContext { FeatureName = "Feature " + i, Settings = flagSettings }, anonymous);
            var byGroup = byDefault || await filter.EvaluateAsync(new FeatureFilterEvaluationContext { FeatureName = "Feature " + i, Settings = groupSettings }, new TargetingContext { Groups = ring1 });
            if (byDefault != flag.IsEnabledFor(default) || byDefault != flag.IsEnabled || byGroup != flag.IsEnabledFor(new FlagContext { Groups = ring1 }))
            {
                disagreements.Add("Feature " + i);
            }

            var variant = new VariantFlag<Layout>(engine, (2 * i) + 1, new[] { Layout.Classic, Layout.Compact, Layout.Wide }).GetValue(default);
            var expectedVariant = (await manager.GetVariantAsync("Variant " + i, new TargetingContext())).Name;
            if (!string.Equals(variant.ToString(), expectedVariant, StringComparison.OrdinalIgnoreCase))
            {
                disagreements.Add("Variant " + i);
            }

            on += byDefault ? 1 : 0;
        }

        Assert.Empty(disagreements);
        Assert.InRange(on, features / 4, features * 3 / 4);
    }

    /// <summary>Variant features "Variant 0".."Variant n-1", each on with a 25/25/50 percentile allocation, by name.</summary>
    private sealed class VariantFeatures : IFeatureDefinitionProvider
    {
        private readonly Dictionary<string, FeatureDefinition> _features = new();

        public VariantFeatures(int count)
        {
            for (var i = 0; i < count; i++)
            {
                var name = "Variant " + i;
                _features.Add(name, new FeatureDefinition
                {
                    Name = name,
                    EnabledFor = new[] { new FeatureFilterConfiguration { Name = "AlwaysOn" } },
                    Variants = new[] { new VariantDefinition { Name = "classic" }, new VariantDefinition { Name = "compact" }, new VariantDefinition { Name = "wide" } },
                    Allocation = new Allocation
                    {
                        Percentile = new[]
                        {
                            new PercentileAllocation { Variant = "classic", From = 0, To = 25 },
                            new PercentileAllocation { Variant = "compact", From = 25, To = 50 },
                            new PercentileAllocation { Variant = "wide", From = 50, To = 100 },
                        },
                    },
                });
            }
        }

        public Task<FeatureDefinition> GetFeatureDefinitionAsync(string featureName) => Task.FromResult(_features[featureName]);

        public async IAsyncEnumerable<FeatureDefinition> GetAllFeatureDefinitionsAsync()
        {
            foreach (var feature in _features.Values)
            {
                yield return feature;
            }

            await Task.CompletedTask;
        }
    }

    private static FlagEngine Engine(bool ignoreCase, params FlagDefinition[] flags) =>
        Declare.Engine(new FlagManifest(flags, Declare.Phases(), bucketing: BucketingAlgorithm.Microsoft, ignoreCase: ignoreCase));

    private static KeyValuePair<string, double> Pair(string name, double percent) => new(name, percent);

    private static IConfiguration Json(string json) =>
        new ConfigurationBuilder().AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes(json))).Build();

    private static string[] RandomGroups(Random random)
    {
        var count = random.Next(4);
        var groups = new string[count];
        for (var i = 0; i < count; i++)
        {
            groups[i] = GroupPool[random.Next(GroupPool.Length)];
        }

        return groups;
    }

    private enum Layout
    {
        Classic,
        Compact,
        Wide,
    }
}

/// <summary>Random caller ids in the shapes real ids have: GUIDs, e-mail addresses, numbers, non-ASCII names.</summary>
internal static class CallerIds
{
    public static string Random(Random random, bool mixCase)
    {
        var id = random.Next(4) switch
        {
            0 => new Guid(Bytes(random)).ToString(),
            1 => $"user{random.Next()}@example.com",
            2 => random.NextInt64().ToString(CultureInfo.InvariantCulture),
            _ => "Zoë-" + (char)random.Next(0x4E00, 0x9FFF) + random.Next(1000),
        };

        if (!mixCase)
        {
            return id;
        }

        var chars = id.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = random.Next(2) == 0 ? char.ToUpperInvariant(chars[i]) : chars[i];
        }

        return new string(chars);
    }

    private static byte[] Bytes(Random random)
    {
        var bytes = new byte[16];
        random.NextBytes(bytes);
        return bytes;
    }
}
