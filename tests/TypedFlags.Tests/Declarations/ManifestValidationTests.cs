using System;
using System.Collections.Generic;
using TypedFlags.Tests.Infrastructure;
using Xunit;

namespace TypedFlags.Tests.Declarations;

/// <summary>Generated code always passes valid declarations; hand-written ones get a clear ArgumentException.</summary>
public sealed class ManifestValidationTests
{
    private static void Rejects(Func<object> create, string expectedFragment)
    {
        var exception = Assert.ThrowsAny<ArgumentException>(create);
        Assert.Contains(expectedFragment, exception.Message, StringComparison.Ordinal);
    }

    private static FlagDefinition Bool(string key, FlagMode mode = FlagMode.Off) => Declare.Bool(key, mode);

    [Fact]
    public void A_valid_manifest_indexes_keys_case_insensitively()
    {
        var manifest = Declare.Manifest(Bool("invoices.read"), Bool("invoices.write"));

        Assert.Equal(1, manifest.IndexOf("invoices.write"));
        Assert.Equal(1, manifest.IndexOf("INVOICES.WRITE"));
        Assert.Equal(-1, manifest.IndexOf("invoices.delete"));
        Assert.Equal(-1, manifest.IndexOf(null!));
        Assert.Equal("Flags", manifest.ConfigSection);
        Assert.Equal("FLAGS_", manifest.EnvPrefix);
        Assert.Equal(BucketingAlgorithm.TypedFlags, manifest.Bucketing);
        Assert.Equal(3, manifest.Phases.Count);
    }

    [Fact]
    public void Stale_after_defaults_to_30_days_and_negative_grace_periods_or_lifetimes_are_rejected()
    {
        var manifest = Declare.Manifest(Bool("invoices.read"));

        Assert.Equal(30, manifest.StaleAfterDays);
        Assert.Null(manifest.Flags[0].LifetimeDays);
        Assert.Equal(14, new FlagManifest(Array.Empty<FlagDefinition>(), Array.Empty<FlagPhase>(), staleAfterDays: 14).StaleAfterDays);
        Assert.Equal(90, new FlagDefinition("a.b", FlagValueKind.Bool, "d", FlagValue.FromBool(false), "A_B", lifetimeDays: 90).LifetimeDays);
        Rejects(() => new FlagManifest(Array.Empty<FlagDefinition>(), Array.Empty<FlagPhase>(), staleAfterDays: -1), "stale_after cannot be negative");
        Rejects(() => new FlagDefinition("a.b", FlagValueKind.Bool, "d", FlagValue.FromBool(false), "A_B", lifetimeDays: -1), "A lifetime cannot be negative");
    }

    [Fact]
    public void Unknown_prerequisites_are_rejected()
    {
        Rejects(() => Declare.Manifest(Declare.Bool("write", requires: new[] { "read" })), "Flag 'write' requires 'read', which is not declared");
    }

    [Fact]
    public void A_flag_cannot_require_itself()
    {
        Rejects(() => Declare.Bool("write", requires: new[] { "write" }), "cannot require itself");
    }

    [Fact]
    public void Prerequisite_cycles_are_rejected()
    {
        Rejects(
            () => Declare.Manifest(
                Declare.Bool("a", requires: new[] { "b" }),
                Declare.Bool("b", requires: new[] { "c" }),
                Declare.Bool("c", requires: new[] { "a" })),
            "Prerequisites form a cycle: a -> b -> c -> a");
    }

    [Fact]
    public void Prerequisites_must_be_bool_flags()
    {
        Rejects(() => Declare.Manifest(Declare.Int("limit", 1), Declare.Bool("f", requires: new[] { "limit" })), "prerequisites must be bool flags");
    }

    [Fact]
    public void Duplicate_keys_and_environment_variables_are_rejected()
    {
        Rejects(() => Declare.Manifest(Bool("a.b"), Bool("A.B")), "declared more than once");
        Rejects(
            () => Declare.Manifest(
                new FlagDefinition("a", FlagValueKind.Bool, "d", default, "SAME"),
                new FlagDefinition("b", FlagValueKind.Bool, "d", default, "same")),
            "which flag 'a' already uses");
    }

    [Fact]
    public void Unknown_and_duplicate_phases_are_rejected()
    {
        Rejects(() => Declare.Manifest(Declare.Bool("f", phase: "gamma")), "uses phase 'gamma', which is not declared");
        Rejects(() => new FlagManifest(Array.Empty<FlagDefinition>(), new[] { new FlagPhase("beta", new[] { "dev" }), new FlagPhase("Beta", new[] { "dev" }) }), "Phase 'Beta' is declared more than once");
    }

    [Fact]
    public void Keys_cannot_contain_the_configuration_separator()
    {
        Rejects(() => Bool("invoices:write"), "configuration path separator");
        Rejects(() => Bool(""), "cannot be empty");
    }

    [Fact]
    public void Values_must_match_the_flag_type()
    {
        Rejects(() => new FlagDefinition("f", FlagValueKind.Int, "d", FlagValue.FromBool(true), "F"), "the default value is a Bool value, but the flag is of type Int");
        Rejects(() => Declare.Int("f", 1, environments: new[] { Declare.In("dev", FlagValue.FromString("x")) }), "the value for environment 'dev'");
        Rejects(() => Declare.Variant("f", new[] { "a", "b" }, @default: 2), "variant #2, but the flag declares 2 variant(s)");
    }

    [Fact]
    public void Variant_declarations_are_checked()
    {
        Rejects(() => Declare.Variant("f", Array.Empty<string>()), "at least one variant");
        Rejects(() => Declare.Variant("f", new[] { "a", "A" }), "variant 'A' is declared more than once");
        Rejects(() => Declare.Variant("f", new[] { "a", "b" }, split: new[] { Declare.Share("c", 10) }), "split names 'c', which is not a variant");
        Rejects(() => Declare.Variant("f", new[] { "a", "b" }, split: new[] { Declare.Share("a", 60), Declare.Share("b", 50) }), "add up to 110%");
        Rejects(() => Declare.Variant("f", new[] { "a", "b" }, split: new[] { Declare.Share("a", 10), Declare.Share("a", 10) }), "more than once");
        Rejects(() => new FlagDefinition("f", FlagValueKind.Bool, "d", default, "F", variants: new[] { "a" }), "variants apply only to variant flags");
    }

    [Fact]
    public void Bool_only_fields_are_rejected_on_other_types()
    {
        Rejects(() => new FlagDefinition("f", FlagValueKind.Int, "d", FlagValue.FromInt(1), "F", rollout: 10), "rollout applies only to bool flags");
        Rejects(() => new FlagDefinition("f", FlagValueKind.Int, "d", FlagValue.FromInt(1), "F", allow: new[] { "x" }), "allow applies only to bool flags");
        Rejects(() => new FlagDefinition("f", FlagValueKind.String, "d", FlagValue.FromString("x"), "F", phase: "beta"), "phase applies only to bool flags");
        Rejects(() => new FlagDefinition("f", FlagValueKind.Bool, "d", default, "F", split: new[] { Declare.Share("a", 1) }), "split applies only to variant flags");
    }

    [Fact]
    public void Percentages_and_schedules_are_checked()
    {
        Rejects(() => Declare.Bool("f", rollout: 100.5), "not a percentage from 0 to 100");
        Rejects(() => Declare.Bool("f", rollout: double.NaN), "not a percentage from 0 to 100");
        Rejects(() => new FlagScheduleStep(DateTimeOffset.UnixEpoch, -1), "percentage");
        var at = new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);
        Rejects(() => Declare.Bool("f", schedule: new[] { new FlagScheduleStep(at, 10), new FlagScheduleStep(at, 20) }), "ascending time order");
    }

    [Fact]
    public void Targeting_and_environment_entries_are_checked()
    {
        Rejects(() => Declare.Bool("f", allow: new[] { "tenant:" }), "allow has an empty entry");
        Rejects(() => Declare.Bool("f", deny: new[] { "" }), "deny has an empty entry");
        Rejects(
            () => Declare.Bool("f", environments: new[] { Declare.In("dev", FlagValue.FromBool(true)), Declare.In("DEV", FlagValue.FromBool(false)) }),
            "environment 'DEV' is listed more than once");
    }

    [Fact]
    public void Definitions_expose_what_they_were_given()
    {
        var created = new DateTime(2026, 10, 1, 0, 0, 0, DateTimeKind.Utc);
        var definition = new FlagDefinition(
            "invoices.write",
            FlagValueKind.Bool,
            "Enable invoices",
            FlagValue.FromMode(FlagMode.Shadow),
            "VITE_INVOICES_WRITE",
            phase: "beta",
            rollout: 10,
            bucketBy: FlagBucketBy.Tenant,
            owner: "billing",
            kind: FlagKind.Experiment,
            created: created,
            requires: new[] { "invoices.read" },
            allow: new[] { "alice" },
            deny: new[] { "tenant:bigcorp" },
            environments: new[] { Declare.In("Development", FlagValue.FromBool(true)) },
            metadata: new[] { new KeyValuePair<string, string>("jira", "BILL-42") });

        Assert.Equal("invoices.write", definition.Key);
        Assert.Equal(FlagMode.Shadow, definition.DefaultValue.Mode);
        Assert.Equal("beta", definition.Phase);
        Assert.Equal(10, definition.Rollout);
        Assert.Equal(FlagBucketBy.Tenant, definition.BucketBy);
        Assert.Equal(FlagKind.Experiment, definition.Kind);
        Assert.Equal(created, definition.Created);
        Assert.Equal(new[] { "invoices.read" }, definition.Requires);
        Assert.Equal(FlagValue.FromBool(true), definition.Environments["development"]);
        Assert.Equal("BILL-42", definition.Metadata["jira"]);
        Assert.Empty(definition.Variants);
        Assert.Empty(definition.Schedule);
    }

    [Fact]
    public void Accessors_check_the_index_and_type()
    {
        var engine = Declare.Engine(Declare.Manifest(Bool("b"), Declare.Int("i", 1), Declare.Variant("v", new[] { "x", "y" })));

        Assert.Throws<ArgumentOutOfRangeException>(() => new BoolFlag(engine, 3));
        Assert.Throws<ArgumentOutOfRangeException>(() => new BoolFlag(engine, -1));
        Rejects(() => new BoolFlag(engine, 1), "Flag 'i' is of type Int; BoolFlag needs a Bool flag");
        Rejects(() => new Flag<string>(engine, 1), "needs a String flag");
        Rejects(() => new Flag<long>(engine, 1), "Flag<T> supports int, double and string");
        Rejects(() => new VariantFlag<DayOfWeek>(engine, 2, new[] { DayOfWeek.Monday }), "declares 2 variant(s), but 1 enum value(s) were given");
        Assert.Throws<ArgumentNullException>(() => new BoolFlag(null!, 0));
        Assert.Throws<ArgumentNullException>(() => new FlagEngine(null!));
    }
}
