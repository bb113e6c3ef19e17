using System;
using System.Collections.Generic;
using Microsoft.Extensions.Configuration;
using TypedFlags.Tests.Infrastructure;
using Xunit;

namespace TypedFlags.Tests.Evaluation;

/// <summary>
/// Step 4 for int, double, string and variant flags: flags.yaml's <c>targets</c>. The targeting key first, then the
/// tenant, then the first declared group the caller is in; after kills, prerequisites and per-target overrides, before
/// the global value, the base value and the split.
/// </summary>
public sealed class DeclaredTargetsTests
{
    private static readonly string[] Sizes = { "none", "small", "medium", "big" };

    private static FlagDefinition Size(bool ignoreCase = false, KeyValuePair<string, double>[]? split = null, string[]? requires = null) => new(
        "button.size",
        FlagValueKind.Variant,
        "Button size",
        FlagValue.FromVariant(0),
        "FLAGS_BUTTON_SIZE",
        requires: requires,
        variants: Sizes,
        split: split,
        targets: new[]
        {
            Target("marsha", 1),
            Target("tenant:acme", 3),
            Target("group:ring1", 2),
            Target("group:ring0", 3),
        });

    private static KeyValuePair<string, FlagValue> Target(string target, int variant) => new(target, FlagValue.FromVariant(variant));

    private static FlagEngine Engine(FlagDefinition flag, IDictionary<string, string?>? settings = null, bool ignoreCase = false, params FlagDefinition[] others)
    {
        var flags = new List<FlagDefinition> { flag };
        flags.AddRange(others);
        var manifest = new FlagManifest(flags.ToArray(), Declare.Phases(), bucketing: BucketingAlgorithm.Microsoft, ignoreCase: ignoreCase);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings ?? new Dictionary<string, string?>()).Build();
        return new FlagEngine(manifest, configuration, new FlagOptions { EnvironmentName = "production" });
    }

    private static string Variant(FlagEngine engine, FlagContext context) => Sizes[engine.Evaluate("button.size", context).Value.Int32];

    [Fact]
    public void The_key_beats_the_tenant_and_the_tenant_beats_groups()
    {
        var engine = Engine(Size());

        Assert.Equal("small", Variant(engine, new FlagContext { TargetingKey = "marsha", Tenant = "acme", Groups = new[] { "ring1" } }));
        Assert.Equal("big", Variant(engine, new FlagContext { TargetingKey = "bob", Tenant = "acme", Groups = new[] { "ring1" } }));
        var evaluation = engine.Evaluate("button.size", new FlagContext { TargetingKey = "marsha" });
        Assert.Equal(FlagReason.TargetingMatch, evaluation.Reason);
        Assert.Equal("flags.yaml", evaluation.Source);
    }

    [Fact]
    public void Of_the_callers_groups_the_first_declared_wins_whatever_the_callers_order()
    {
        // Microsoft.FeatureManagement walks its group allocations in order: ring1 is declared before ring0.
        var engine = Engine(Size());

        Assert.Equal("medium", Variant(engine, new FlagContext { TargetingKey = "bob", Groups = new[] { "ring0", "ring1" } }));
        Assert.Equal("medium", Variant(engine, new FlagContext { TargetingKey = "bob", Groups = new[] { "ring1", "ring0" } }));
        Assert.Equal("big", Variant(engine, new FlagContext { TargetingKey = "bob", Groups = new[] { "other", "ring0" } }));
        Assert.Equal("none", Variant(engine, new FlagContext { TargetingKey = "bob", Groups = new[] { "Ring0", null! } }));
    }

    [Fact]
    public void Ignore_case_matches_every_part_ignoring_case()
    {
        var engine = Engine(Size(), ignoreCase: true);

        Assert.Equal("small", Variant(engine, "MARSHA"));
        Assert.Equal("big", Variant(engine, new FlagContext { Tenant = "ACME" }));
        Assert.Equal("medium", Variant(engine, new FlagContext { Groups = new[] { "RING0", "Ring1" } }));
    }

    [Fact]
    public void Targets_beat_the_global_override_and_the_split_but_not_a_kill_or_a_per_target_override()
    {
        var split = new[] { new KeyValuePair<string, double>("big", 100) };
        var engine = Engine(Size(split: split), new Dictionary<string, string?>
        {
            ["Flags:button.size:Value"] = "medium",
            ["Flags:button.size:Targets:bob"] = "none",
        });

        Assert.Equal("small", Variant(engine, "marsha"));          // targets beat the global value
        Assert.Equal("none", Variant(engine, "bob"));              // a per-target override beats targets
        Assert.Equal("medium", Variant(engine, "carol"));          // the global value beats the split

        var killed = Engine(Size(), new Dictionary<string, string?> { ["Flags:button.size:State"] = "kill" });
        Assert.Equal(FlagReason.Killed, killed.Evaluate("button.size", "marsha").Reason);
    }

    [Fact]
    public void A_missing_prerequisite_beats_targets()
    {
        var engine = Engine(Size(requires: new[] { "gate" }), others: Declare.Bool("gate", FlagMode.Off));

        var evaluation = engine.Evaluate("button.size", "marsha");

        Assert.Equal(FlagReason.Prerequisite, evaluation.Reason);
        Assert.Equal("none", Sizes[evaluation.Value.Int32]);
    }

    [Fact]
    public void Int_and_string_flags_take_targets_too()
    {
        var limit = new FlagDefinition("search.limit", FlagValueKind.Int, "Limit", FlagValue.FromInt(20), "FLAGS_SEARCH_LIMIT",
            targets: new[] { new KeyValuePair<string, FlagValue>("Tenant:BigCorp", FlagValue.FromInt(100)) });
        var engine = Engine(limit);

        Assert.Equal(100, engine.Evaluate("search.limit", new FlagContext { Tenant = "BigCorp" }).Value.Int32);
        Assert.Equal(20, engine.Evaluate("search.limit", new FlagContext { Tenant = "bigcorp" }).Value.Int32);
        Assert.Equal("tenant:BigCorp", Assert.Single(limit.Targets).Key);
    }

    [Theory]
    [InlineData("group:", "invalid entry")]
    [InlineData("", "invalid entry")]
    public void Invalid_targets_are_refused_with_the_flag_and_the_entry(string target, string message)
    {
        var error = Assert.Throws<ArgumentException>(() => new FlagDefinition("search.limit", FlagValueKind.Int, "Limit", FlagValue.FromInt(20), "E",
            targets: new[] { new KeyValuePair<string, FlagValue>(target, FlagValue.FromInt(1)) }));

        Assert.Contains("'search.limit'", error.Message);
        Assert.Contains(message, error.Message);
    }

    [Fact]
    public void Bool_flags_use_allow_and_deny_and_values_must_have_the_flags_type()
    {
        var onBool = Assert.Throws<ArgumentException>(() => new FlagDefinition("b", FlagValueKind.Bool, "B", FlagValue.FromBool(false), "E",
            targets: new[] { new KeyValuePair<string, FlagValue>("alice", FlagValue.FromBool(true)) }));
        var wrongType = Assert.Throws<ArgumentException>(() => new FlagDefinition("i", FlagValueKind.Int, "I", FlagValue.FromInt(1), "E",
            targets: new[] { new KeyValuePair<string, FlagValue>("alice", FlagValue.FromString("x")) }));
        var twice = Assert.Throws<ArgumentException>(() => new FlagDefinition("i", FlagValueKind.Int, "I", FlagValue.FromInt(1), "E",
            targets: new[] { new KeyValuePair<string, FlagValue>("alice", FlagValue.FromInt(1)), new KeyValuePair<string, FlagValue>("Alice", FlagValue.FromInt(2)) }));

        Assert.Contains("allow and deny", onBool.Message);
        Assert.Contains("target 'alice'", wrongType.Message);
        Assert.Contains("more than once", twice.Message);
    }

    [Fact]
    public void Enabled_variants_and_configuration_belong_to_variant_flags_and_name_their_variants()
    {
        var flag = new FlagDefinition("v", FlagValueKind.Variant, "V", FlagValue.FromVariant(0), "E", variants: new[] { "small", "big" },
            enabledVariants: new[] { "BIG" }, variantConfiguration: new[] { new KeyValuePair<string, string>("big:Size", "450px") });

        Assert.Equal(new[] { "big" }, flag.EnabledVariants);
        Assert.Equal("450px", Assert.Single(flag.VariantConfiguration).Value);
        Assert.Null(new FlagDefinition("w", FlagValueKind.Variant, "W", FlagValue.FromVariant(0), "E", variants: new[] { "a" }).EnabledVariants);
        Assert.Contains("'huge' is not one of its variants", Assert.Throws<ArgumentException>(() => new FlagDefinition("v", FlagValueKind.Variant, "V", FlagValue.FromVariant(0), "E",
            variants: new[] { "small" }, enabledVariants: new[] { "huge" })).Message);
        Assert.Contains("does not start with one of its variants", Assert.Throws<ArgumentException>(() => new FlagDefinition("v", FlagValueKind.Variant, "V", FlagValue.FromVariant(0), "E",
            variants: new[] { "small" }, variantConfiguration: new[] { new KeyValuePair<string, string>("tiny", "1px") })).Message);
        Assert.Contains("only to variant flags", Assert.Throws<ArgumentException>(() => new FlagDefinition("i", FlagValueKind.Int, "I", FlagValue.FromInt(1), "E",
            enabledVariants: Array.Empty<string>())).Message);
    }
}
