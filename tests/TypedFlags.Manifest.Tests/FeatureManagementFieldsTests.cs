using System;
using System.Linq;
using TypedFlags.Manifest.Model;
using TypedFlags.Manifest.Parsing;
using TypedFlags.Manifest.Staleness;
using Xunit;

namespace TypedFlags.Manifest.Tests;

/// <summary>The fields teams migrating from Microsoft.FeatureManagement rely on, as the parser models them.</summary>
public sealed class FeatureManagementFieldsTests
{
    [Fact]
    public void Group_rollouts_hash_name_seed_and_ignore_case_reach_the_model_as_written()
    {
        var result = ManifestParser.Parse("""
            version: 1
            bucketing: microsoft
            ignore_case: true
            flags:
              two-factor:
                description: Second factor
                hash_name: 2FA
                targeting:
                  groups: { Ring1: 50, "Beta Testers": 12.5 }
              layout:
                description: Layout
                type: variant
                variants: [a, b]
                split: { b: 50 }
                seed: 130
            """);

        Assert.Empty(result.Diagnostics);
        var model = result.Model!;
        Assert.True(model.IgnoreCase);
        var flag = model.Flags.Single(f => f.Key == "two-factor");
        Assert.Equal("2FA", flag.HashName);
        Assert.Equal(new[] { ("Ring1", 50_000), ("Beta Testers", 12_500) }, flag.GroupRollouts.Select(g => (g.Group, g.Thousandths)));
        Assert.Equal("130", model.Flags.Single(f => f.Key == "layout").Seed);
    }

    [Fact]
    public void A_flag_off_by_default_with_a_group_rollout_has_no_single_final_value()
    {
        // Removing it as "always off" would turn the group's members off: the code fix must not offer that.
        var result = ManifestParser.Parse("""
            version: 1
            flags:
              ring:
                description: Ring rollout
                launched: 2020-01-01
                targeting:
                  groups: { Ring1: 50 }
              plain:
                description: Off for everyone
                launched: 2020-01-01
            """);

        var statuses = FlagLifecycle.Evaluate(result.Model!, new DateTime(2026, 12, 1));
        Assert.Null(statuses.Single(s => s.Flag.Key == "ring").FinalValue);
        Assert.False(statuses.Single(s => s.Flag.Key == "plain").FinalValue);
    }
    [Fact]
    public void Targets_that_give_some_callers_another_value_leave_the_final_value_open()
    {
        // Inlining "classic" would take compact away from alice: the code fix must not offer that, and TF1101 says why.
        var result = ManifestParser.Parse("""
            version: 1
            flags:
              targeted.layout:
                description: Layout with a per-user value
                type: variant
                variants: [classic, compact]
                launched: 2020-01-01
                targets: { alice: compact, "group:beta": classic }
              same.layout:
                description: Targets that all give the final value
                type: variant
                variants: [classic, compact]
                default: compact
                launched: 2020-01-01
                targets: { alice: compact }
              search.limit:
                description: A per-tenant limit
                type: int
                default: 20
                launched: 2020-01-01
                targets: { "tenant:bigcorp": 100 }
            """);

        var statuses = FlagLifecycle.Evaluate(result.Model!, new DateTime(2026, 12, 1)).ToDictionary(s => s.Flag.Key);

        Assert.Null(statuses["targeted.layout"].FinalTypedValue);
        Assert.Equal("targets give some callers another value", FlagLifecycle.WhyUndecided(statuses["targeted.layout"].Flag));
        Assert.Equal(FlagValueModel.FromVariant("compact"), statuses["same.layout"].FinalTypedValue);
        Assert.Null(statuses["search.limit"].FinalTypedValue);
    }
}
