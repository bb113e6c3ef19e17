using TypedFlags.Tests.Infrastructure;
using Xunit;

namespace TypedFlags.Tests.Evaluation;

/// <summary>Step 2: every flag in <c>requires</c> must be On for the same context.</summary>
public sealed class PrerequisiteTests
{
    [Fact]
    public void A_met_prerequisite_lets_the_flag_evaluate_normally()
    {
        var manifest = Declare.Manifest(Declare.Bool("read", FlagMode.On), Declare.Bool("write", FlagMode.On, requires: new[] { "read" }));

        var evaluation = Declare.Engine(manifest).BoolAccessor("write").Evaluate("alice");

        Assert.True(evaluation.Value);
        Assert.Equal(FlagReason.Default, evaluation.Reason);
    }

    [Theory]
    [InlineData(FlagMode.Off)]
    [InlineData(FlagMode.Shadow)]
    public void A_prerequisite_that_is_not_on_turns_the_flag_off(FlagMode prerequisite)
    {
        var manifest = Declare.Manifest(Declare.Bool("read", prerequisite), Declare.Bool("write", FlagMode.On, requires: new[] { "read" }));
        var write = Declare.Engine(manifest).BoolAccessor("write");

        var evaluation = write.Evaluate("alice");

        Assert.Equal(FlagMode.Off, evaluation.Mode);
        Assert.Equal(FlagReason.Prerequisite, evaluation.Reason);
        Assert.Equal("flags.yaml", evaluation.Source);
        Assert.False(write.IsEnabled);
    }

    [Fact]
    public void Every_prerequisite_must_be_on()
    {
        var manifest = Declare.Manifest(
            Declare.Bool("a", FlagMode.On),
            Declare.Bool("b", FlagMode.Off),
            Declare.Bool("c", FlagMode.On, requires: new[] { "a", "b" }));

        Assert.Equal(FlagReason.Prerequisite, Declare.Engine(manifest).BoolAccessor("c").Evaluate(default).Reason);
    }

    [Fact]
    public void Prerequisites_apply_transitively()
    {
        var manifest = Declare.Manifest(
            Declare.Bool("a", FlagMode.Off),
            Declare.Bool("b", FlagMode.On, requires: new[] { "a" }),
            Declare.Bool("c", FlagMode.On, requires: new[] { "b" }));

        var evaluation = Declare.Engine(manifest).BoolAccessor("c").Evaluate(default);

        Assert.Equal(FlagMode.Off, evaluation.Mode);
        Assert.Equal(FlagReason.Prerequisite, evaluation.Reason);
    }

    [Fact]
    public void Prerequisites_are_evaluated_for_the_same_context()
    {
        var manifest = Declare.Manifest(
            Declare.Bool("read", allow: new[] { "alice" }),
            Declare.Bool("write", FlagMode.On, requires: new[] { "read" }));
        var write = Declare.Engine(manifest).BoolAccessor("write");

        Assert.True(write.IsEnabledFor("alice"));
        Assert.False(write.IsEnabledFor("bob"));
        Assert.False(write.IsEnabled);
    }

    [Fact]
    public void Prerequisite_keys_are_case_insensitive()
    {
        var manifest = Declare.Manifest(Declare.Bool("Read", FlagMode.Off), Declare.Bool("write", FlagMode.On, requires: new[] { "read" }));

        Assert.Equal(FlagReason.Prerequisite, Declare.Engine(manifest).BoolAccessor("write").Evaluate(default).Reason);
    }

    [Fact]
    public void A_typed_flag_with_an_unmet_prerequisite_gets_its_declared_default()
    {
        var manifest = Declare.Manifest(
            Declare.Bool("gate", FlagMode.Off),
            Declare.Int("limit", 10, requires: new[] { "gate" }, environments: new[] { Declare.In("production", FlagValue.FromInt(99)) }),
            Declare.Variant("layout", new[] { "classic", "compact" }, split: new[] { Declare.Share("compact", 100) }, requires: new[] { "gate" }));
        var engine = Declare.Engine(manifest);

        var limit = new Flag<int>(engine, 1).Evaluate("alice");
        Assert.Equal(10, limit.Value);
        Assert.Equal(FlagReason.Prerequisite, limit.Reason);
        Assert.Equal(FlagMode.On, limit.Mode);

        var layout = new VariantFlag<Layout>(engine, 2, new[] { Layout.Classic, Layout.Compact }).Evaluate("alice");
        Assert.Equal(Layout.Classic, layout.Value);
        Assert.Equal(FlagReason.Prerequisite, layout.Reason);
    }

    private enum Layout
    {
        Classic,
        Compact,
    }
}
