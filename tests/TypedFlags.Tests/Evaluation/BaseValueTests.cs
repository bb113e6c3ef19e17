using TypedFlags.Tests.Infrastructure;
using Xunit;

namespace TypedFlags.Tests.Evaluation;

/// <summary>Step 6: environments[env], else the phase, else the default.</summary>
public sealed class BaseValueTests
{
    [Theory]
    [InlineData(FlagMode.Off, false)]
    [InlineData(FlagMode.On, true)]
    [InlineData(FlagMode.Shadow, false)]
    public void Without_anything_else_the_default_applies(FlagMode mode, bool enabled)
    {
        var flag = Declare.Engine(Declare.Manifest(Declare.Bool("f", mode))).BoolAccessor("f");

        var evaluation = flag.Evaluate("alice");
        Assert.Equal(mode, evaluation.Mode);
        Assert.Equal(enabled, evaluation.Value);
        Assert.Equal(FlagReason.Default, evaluation.Reason);
        Assert.Equal("flags.yaml", evaluation.Source);
        Assert.Equal(enabled, flag.IsEnabled);
        Assert.Equal(enabled, flag.IsEnabledFor("alice"));
        Assert.Equal(mode == FlagMode.Shadow, flag.IsShadowFor("alice"));
    }

    [Theory]
    [InlineData("development")]
    [InlineData("Development")]
    [InlineData("DEVELOPMENT")]
    public void The_environment_value_applies_with_case_insensitive_names(string environment)
    {
        var manifest = Declare.Manifest(Declare.Bool("f", environments: new[] { Declare.In("Development", FlagValue.FromBool(true)) }));

        var flag = Declare.Engine(manifest, environment).BoolAccessor("f");

        Assert.True(flag.IsEnabled);
        Assert.Equal(FlagReason.Environment, flag.Evaluate(default).Reason);
    }

    [Fact]
    public void Another_environment_falls_back_to_the_default()
    {
        var manifest = Declare.Manifest(Declare.Bool("f", environments: new[] { Declare.In("development", FlagValue.FromBool(true)) }));

        var evaluation = Declare.Engine(manifest, "Production").BoolAccessor("f").Evaluate(default);

        Assert.False(evaluation.Value);
        Assert.Equal(FlagReason.Default, evaluation.Reason);
    }

    [Fact]
    public void An_environment_value_can_be_shadow()
    {
        var manifest = Declare.Manifest(Declare.Bool("f", environments: new[] { Declare.In("staging", FlagValue.FromMode(FlagMode.Shadow)) }));

        var flag = Declare.Engine(manifest, "Staging").BoolAccessor("f");

        Assert.True(flag.IsShadowFor("alice"));
        Assert.Equal(FlagReason.Environment, flag.Evaluate("alice").Reason);
    }

    [Theory]
    [InlineData("beta", "Staging", FlagMode.On)]
    [InlineData("beta", "development", FlagMode.On)]
    [InlineData("beta", "Production", FlagMode.Off)]
    [InlineData("stable", "PRODUCTION", FlagMode.On)]
    [InlineData("experimental", "staging", FlagMode.Off)]
    public void The_phase_is_on_where_it_lists_the_environment_and_off_elsewhere(string phase, string environment, FlagMode expected)
    {
        var manifest = Declare.Manifest(Declare.Bool("f", phase: phase));

        var evaluation = Declare.Engine(manifest, environment).BoolAccessor("f").Evaluate("alice");

        Assert.Equal(expected, evaluation.Mode);
        Assert.Equal(FlagReason.Phase, evaluation.Reason);
    }

    [Fact]
    public void The_phase_beats_the_default()
    {
        var manifest = Declare.Manifest(Declare.Bool("f", FlagMode.On, phase: "beta"));

        var evaluation = Declare.Engine(manifest, "Production").BoolAccessor("f").Evaluate(default);

        Assert.Equal(FlagMode.Off, evaluation.Mode);
        Assert.Equal(FlagReason.Phase, evaluation.Reason);
    }

    [Fact]
    public void The_environment_value_beats_the_phase()
    {
        var manifest = Declare.Manifest(Declare.Bool("f", phase: "stable", environments: new[] { Declare.In("production", FlagValue.FromBool(false)) }));

        var evaluation = Declare.Engine(manifest, "Production").BoolAccessor("f").Evaluate(default);

        Assert.Equal(FlagMode.Off, evaluation.Mode);
        Assert.Equal(FlagReason.Environment, evaluation.Reason);
    }

    [Fact]
    public void Typed_flags_use_their_environment_value_and_default()
    {
        var manifest = Declare.Manifest(
            Declare.Int("page.size", 20, environments: new[] { Declare.In("development", FlagValue.FromInt(5)) }),
            Declare.Double("ratio", 0.25),
            Declare.String("greeting", "hello"),
            Declare.Variant("layout", new[] { "classic", "compact" }, @default: 1, environments: new[] { Declare.In("staging", FlagValue.FromVariant(0)) }));

        var development = Declare.Engine(manifest, "Development");
        var staging = Declare.Engine(manifest, "Staging");

        var pageSize = new Flag<int>(development, 0);
        Assert.Equal(5, pageSize.Value);
        Assert.Equal(FlagReason.Environment, pageSize.Evaluate("alice").Reason);
        Assert.Equal(FlagMode.On, pageSize.Evaluate("alice").Mode);
        Assert.Equal(20, new Flag<int>(staging, 0).GetValue("alice"));
        Assert.Equal(FlagReason.Default, new Flag<int>(staging, 0).Evaluate("alice").Reason);

        Assert.Equal(0.25, new Flag<double>(development, 1).Value);
        Assert.Equal("hello", new Flag<string>(development, 2).GetValue("alice"));

        Assert.Equal(Layout.Compact, new VariantFlag<Layout>(development, 3, new[] { Layout.Classic, Layout.Compact }).Value);
        var stagingLayout = new VariantFlag<Layout>(staging, 3, new[] { Layout.Classic, Layout.Compact }).Evaluate("alice");
        Assert.Equal(Layout.Classic, stagingLayout.Value);
        Assert.Equal(FlagReason.Environment, stagingLayout.Reason);
    }

    private enum Layout
    {
        Classic,
        Compact,
    }
}
