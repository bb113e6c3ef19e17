using System;
using TypedFlags.Tests.Infrastructure;
using Xunit;

namespace TypedFlags.Tests.Evaluation;

/// <summary>Values forced with <see cref="FlagEngine.ForTesting"/> beat every step.</summary>
public sealed class ForTestingTests
{
    private static FlagManifest Manifest() => Declare.Manifest(
        Declare.Bool("gate", FlagMode.Off),
        Declare.Bool("feature", FlagMode.Off, requires: new[] { "gate" }, deny: new[] { "alice" }),
        Declare.Int("limit", 10),
        Declare.String("greeting", "hello"),
        Declare.Variant("layout", new[] { "classic", "compact" }, split: new[] { Declare.Share("compact", 100) }));

    [Fact]
    public void A_forced_value_beats_prerequisites_and_targeting()
    {
        var engine = Declare.Testing(Manifest(), o => o.Set("feature", FlagValue.FromBool(true)));

        var evaluation = engine.BoolAccessor("feature").Evaluate("alice");

        Assert.True(evaluation.Value);
        Assert.Equal(FlagReason.Override, evaluation.Reason);
        Assert.Equal("test", evaluation.Source);
        Assert.True(engine.BoolAccessor("feature").IsEnabled);
    }

    [Fact]
    public void A_forced_shadow_mode_is_kept()
    {
        var engine = Declare.Testing(Manifest(), o => o.Set("gate", FlagValue.FromMode(FlagMode.Shadow)));

        Assert.True(engine.BoolAccessor("gate").IsShadowFor("bob"));
    }

    [Fact]
    public void A_forced_prerequisite_feeds_the_flags_that_require_it()
    {
        var engine = Declare.Testing(Manifest(), o => o.Set("gate", FlagValue.FromBool(true)));
        var feature = engine.BoolAccessor("feature");

        Assert.Equal(FlagReason.Default, feature.Evaluate("bob").Reason);
        Assert.Equal(FlagReason.TargetingMatch, feature.Evaluate("alice").Reason);
    }

    [Fact]
    public void Typed_flags_can_be_forced()
    {
        var engine = Declare.Testing(Manifest(), o =>
        {
            o.Set("limit", FlagValue.FromInt(3));
            o.Set("greeting", FlagValue.FromString("hi"));
            o.Set("layout", FlagValue.FromVariant(0));
        });

        Assert.Equal(3, new Flag<int>(engine, 2).Value);
        Assert.Equal("hi", new Flag<string>(engine, 3).GetValue("bob"));
        var layout = new VariantFlag<DayOfWeek>(engine, 4, new[] { DayOfWeek.Monday, DayOfWeek.Tuesday }).Evaluate("bob");
        Assert.Equal(DayOfWeek.Monday, layout.Value);
        Assert.Equal(FlagReason.Override, layout.Reason);
    }

    [Fact]
    public void Flags_that_are_not_forced_keep_their_declared_behaviour()
    {
        var engine = Declare.Testing(Manifest(), o => o.Set("limit", FlagValue.FromInt(3)));

        Assert.Equal(FlagReason.Prerequisite, engine.BoolAccessor("feature").Evaluate("bob").Reason);
        Assert.Equal("flags.yaml", engine.BoolAccessor("feature").Evaluate("bob").Source);
    }

    [Fact]
    public void Set_rejects_unknown_keys_and_values_of_the_wrong_kind()
    {
        var overrides = new TestOverrides(Manifest());

        Assert.Throws<ArgumentException>(() => overrides.Set("missing", FlagValue.FromBool(true)));
        Assert.Throws<ArgumentException>(() => overrides.Set("gate", FlagValue.FromInt(1)));
        Assert.Throws<ArgumentException>(() => overrides.Set("limit", FlagValue.FromBool(true)));
        Assert.Throws<ArgumentException>(() => overrides.Set("layout", FlagValue.FromVariant(2)));
        Assert.Throws<ArgumentException>(() => overrides.Peek("missing"));
    }

    [Fact]
    public void Forced_values_can_be_read_back_and_cleared()
    {
        var overrides = new TestOverrides(Manifest());

        Assert.False(overrides.TryGet("gate", out _));
        Assert.False(overrides.TryGet("missing", out _));
        Assert.Null(overrides.Peek("gate"));

        overrides.Set("GATE", FlagValue.FromBool(true));
        Assert.True(overrides.TryGet("gate", out var value));
        Assert.Equal(FlagValue.FromBool(true), value);
        Assert.Equal(FlagValue.FromBool(true), overrides.Peek("gate"));

        overrides.Force("gate", null);
        Assert.False(overrides.TryGet("gate", out _));
    }

    [Fact]
    public void The_engine_copies_the_forced_values()
    {
        var manifest = Manifest();
        var overrides = new TestOverrides(manifest);
        overrides.Set("gate", FlagValue.FromBool(true));
        var engine = FlagEngine.ForTesting(manifest, overrides, new FlagOptions { EnvironmentName = "Production" });

        overrides.Set("gate", FlagValue.FromBool(false));

        Assert.True(engine.BoolAccessor("gate").IsEnabled);
    }

    [Fact]
    public void Overrides_must_belong_to_the_same_manifest()
    {
        var overrides = new TestOverrides(Manifest());

        Assert.Throws<ArgumentException>(() => FlagEngine.ForTesting(Manifest(), overrides));
        Assert.Throws<ArgumentNullException>(() => FlagEngine.ForTesting(Manifest(), null!));
    }
}
