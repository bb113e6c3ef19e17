using TypedFlags.Tests.Infrastructure;
using Xunit;

namespace TypedFlags.Tests.Evaluation;

/// <summary>
/// Each adjacent pair of the evaluation order, with both steps applicable: forced &gt; prerequisite &gt; deny &gt;
/// allow &gt; environment &gt; phase &gt; default, and the rollout only where the base is not On.
/// </summary>
public sealed class PrecedenceTests
{
    private static readonly FlagContext Alice = new() { TargetingKey = "alice", Tenant = "acme", Groups = new[] { "beta" } };

    private static FlagEvaluation<bool> Evaluate(FlagDefinition flag, FlagMode gate = FlagMode.On, bool force = false)
    {
        var manifest = Declare.Manifest(Declare.Bool("gate", gate), flag);
        var engine = force
            ? Declare.Testing(manifest, o => o.Set(flag.Key, FlagValue.FromBool(true)))
            : Declare.Engine(manifest, "Staging");
        return engine.BoolAccessor(flag.Key).Evaluate(Alice);
    }

    [Fact]
    public void Forced_beats_prerequisite()
    {
        var evaluation = Evaluate(Declare.Bool("f", requires: new[] { "gate" }), gate: FlagMode.Off, force: true);

        Assert.Equal(FlagReason.Override, evaluation.Reason);
        Assert.True(evaluation.Value);
    }

    [Fact]
    public void Prerequisite_beats_deny_and_allow()
    {
        var evaluation = Evaluate(Declare.Bool("f", requires: new[] { "gate" }, allow: new[] { "alice" }, deny: new[] { "tenant:acme" }), gate: FlagMode.Off);

        Assert.Equal(FlagReason.Prerequisite, evaluation.Reason);
    }

    [Fact]
    public void Deny_beats_allow()
    {
        var evaluation = Evaluate(Declare.Bool("f", FlagMode.On, requires: new[] { "gate" }, allow: new[] { "alice" }, deny: new[] { "group:beta" }));

        Assert.Equal(FlagReason.TargetingMatch, evaluation.Reason);
        Assert.Equal(FlagMode.Off, evaluation.Mode);
    }

    [Fact]
    public void Allow_beats_environment()
    {
        var evaluation = Evaluate(Declare.Bool("f", allow: new[] { "tenant:acme" }, environments: new[] { Declare.In("staging", FlagValue.FromBool(false)) }));

        Assert.Equal(FlagReason.TargetingMatch, evaluation.Reason);
        Assert.Equal(FlagMode.On, evaluation.Mode);
    }

    [Fact]
    public void Environment_beats_phase()
    {
        var evaluation = Evaluate(Declare.Bool("f", phase: "beta", environments: new[] { Declare.In("staging", FlagValue.FromMode(FlagMode.Shadow)) }));

        Assert.Equal(FlagReason.Environment, evaluation.Reason);
        Assert.Equal(FlagMode.Shadow, evaluation.Mode);
    }

    [Fact]
    public void Phase_beats_default()
    {
        var evaluation = Evaluate(Declare.Bool("f", FlagMode.Off, phase: "beta"));

        Assert.Equal(FlagReason.Phase, evaluation.Reason);
        Assert.Equal(FlagMode.On, evaluation.Mode);
    }

    [Fact]
    public void Rollout_does_not_replace_a_base_that_is_on()
    {
        var evaluation = Evaluate(Declare.Bool("f", FlagMode.Off, phase: "beta", rollout: 100));

        Assert.Equal(FlagReason.Phase, evaluation.Reason);
    }

    [Fact]
    public void Rollout_replaces_a_base_that_is_off()
    {
        var evaluation = Evaluate(Declare.Bool("f", FlagMode.Off, phase: "stable", environments: new[] { Declare.In("staging", FlagValue.FromBool(false)) }, rollout: 100));

        Assert.Equal(FlagReason.Split, evaluation.Reason);
        Assert.Equal(FlagMode.On, evaluation.Mode);
    }

    [Fact]
    public void Deny_beats_rollout()
    {
        var evaluation = Evaluate(Declare.Bool("f", rollout: 100, deny: new[] { "alice" }));

        Assert.Equal(FlagReason.TargetingMatch, evaluation.Reason);
        Assert.Equal(FlagMode.Off, evaluation.Mode);
    }
}
