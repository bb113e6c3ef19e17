using System.Collections.Generic;
using Microsoft.Extensions.Configuration;
using TypedFlags.Tests.Infrastructure;
using Xunit;

namespace TypedFlags.Tests.Evaluation;

/// <summary>
/// SPEC §4.1 end to end over one engine whose overrides come from configuration and from the flags' environment
/// variables: every step, every <see cref="FlagReason"/> with its <see cref="FlagEvaluation{T}.Source"/>, and each
/// adjacent pair of steps configured together so that only the earlier one may decide.
/// </summary>
public sealed class EvaluationOrderTests
{
    private static readonly FlagManifest Manifest = Declare.Manifest(
        // One flag per step and reason.
        Declare.Bool("step1.kill.env"),
        Declare.Bool("step1.kill.target"),
        Declare.Bool("step2.prerequisite", FlagMode.On, requires: new[] { "step1.kill.env" }),
        Declare.Bool("step3.target"),
        Declare.Bool("step4.deny.declared", FlagMode.On, deny: new[] { "bob" }),
        Declare.Bool("step4.allow.runtime"),
        Declare.Bool("step5.value.env"),
        Declare.Bool("step5.rollout.env"),
        Declare.Bool("step6.environment", environments: new[] { Declare.In("Production", FlagValue.FromBool(true)) }),
        Declare.Bool("step6.phase", phase: "beta"),
        Declare.Bool("step6.default"),
        Declare.Bool("step7.rollout", rollout: 100),

        // Adjacent pairs: both steps configured, the earlier must win.
        Declare.Bool("pair1v2", requires: new[] { "step6.default" }),
        Declare.Bool("pair2v3", requires: new[] { "step6.default" }),
        Declare.Bool("pair3v4", deny: new[] { "bob" }),
        Declare.Bool("pair4v5", allow: new[] { "bob" }),
        Declare.Bool("pair5v6", environments: new[] { Declare.In("Production", FlagValue.FromBool(true)) }),
        Declare.Bool("pair5v7", rollout: 100),
        Declare.Bool("pair6v7", environments: new[] { Declare.In("Production", FlagValue.FromBool(true)) }, rollout: 100),
        Declare.Bool("shadow.base", environments: new[] { Declare.In("Production", FlagValue.FromMode(FlagMode.Shadow)) }, rollout: 100),
        Declare.Int("pair3v5.int", 1),
        Declare.Variant("pair5v7.variant", new[] { "a", "b" }, 0, split: new[] { Declare.Share("b", 100) }));

    private static readonly Dictionary<string, string?> Variables = new()
    {
        ["FLAGS_STEP1_KILL_ENV"] = "kill",
        ["FLAGS_STEP5_VALUE_ENV"] = "on",
        ["FLAGS_STEP5_ROLLOUT_ENV"] = "100%",
        ["FLAGS_PAIR1V2"] = "kill",
    };

    private static readonly Dictionary<string, string?> Settings = new()
    {
        ["Flags:step1.kill.target:Targets:bob"] = "kill",
        ["Flags:step3.target:Targets:bob"] = "on",
        ["Flags:step4.allow.runtime:Allow"] = "bob",
        ["Flags:pair2v3:Targets:bob"] = "on",
        ["Flags:pair3v4:Targets:bob"] = "on",
        ["Flags:pair4v5"] = "off",
        ["Flags:pair5v6"] = "off",
        ["Flags:pair5v7:Value"] = "shadow",
        ["Flags:pair5v7:Rollout"] = "100",
        ["Flags:pair3v5.int:Targets:bob"] = "3",
        ["Flags:pair3v5.int:Value"] = "5",
        ["Flags:pair5v7.variant"] = "A",
    };

    private static readonly FlagEngine Engine = new(
        Manifest,
        new ConfigurationBuilder()
            .AddInMemoryCollection(Settings)
            .Add(new ProviderSource(new FlagEnvironmentVariablesProvider(Manifest, name => Variables.TryGetValue(name, out var value) ? value : null)))
            .Build(),
        new FlagOptions { EnvironmentName = "Production", EnvironmentVariables = false });

    [Theory]
    [InlineData("step1.kill.env", FlagMode.Off, FlagReason.Killed, "env:FLAGS_STEP1_KILL_ENV")]
    [InlineData("step1.kill.target", FlagMode.Off, FlagReason.Killed, "config:Flags:step1.kill.target:Targets:bob")]
    [InlineData("step2.prerequisite", FlagMode.Off, FlagReason.Prerequisite, "flags.yaml")]
    [InlineData("step3.target", FlagMode.On, FlagReason.TargetingMatch, "config:Flags:step3.target:Targets:bob")]
    [InlineData("step4.deny.declared", FlagMode.Off, FlagReason.TargetingMatch, "flags.yaml")]
    [InlineData("step4.allow.runtime", FlagMode.On, FlagReason.TargetingMatch, "config:Flags:step4.allow.runtime:Allow")]
    [InlineData("step5.value.env", FlagMode.On, FlagReason.Override, "env:FLAGS_STEP5_VALUE_ENV")]
    [InlineData("step5.rollout.env", FlagMode.On, FlagReason.Split, "env:FLAGS_STEP5_ROLLOUT_ENV")]
    [InlineData("step6.environment", FlagMode.On, FlagReason.Environment, "flags.yaml")]
    [InlineData("step6.phase", FlagMode.Off, FlagReason.Phase, "flags.yaml")]
    [InlineData("step6.default", FlagMode.Off, FlagReason.Default, "flags.yaml")]
    [InlineData("step7.rollout", FlagMode.On, FlagReason.Split, "flags.yaml")]
    public void Each_step_decides_with_its_reason_and_source(string key, FlagMode mode, FlagReason reason, string source) =>
        AssertDecides(key, mode, reason, source);

    [Theory]
    [InlineData("pair1v2", FlagMode.Off, FlagReason.Killed, "env:FLAGS_PAIR1V2")]
    [InlineData("pair2v3", FlagMode.Off, FlagReason.Prerequisite, "flags.yaml")]
    [InlineData("pair3v4", FlagMode.On, FlagReason.TargetingMatch, "config:Flags:pair3v4:Targets:bob")]
    [InlineData("pair4v5", FlagMode.On, FlagReason.TargetingMatch, "flags.yaml")]
    [InlineData("pair5v6", FlagMode.Off, FlagReason.Override, "config:Flags:pair5v6")]
    [InlineData("pair5v7", FlagMode.Shadow, FlagReason.Override, "config:Flags:pair5v7:Value")]
    [InlineData("pair6v7", FlagMode.On, FlagReason.Environment, "flags.yaml")]
    public void Of_two_adjacent_steps_the_earlier_decides(string key, FlagMode mode, FlagReason reason, string source) =>
        AssertDecides(key, mode, reason, source);

    [Fact]
    public void A_shadow_base_is_not_On_so_the_rollout_still_applies()
    {
        // SPEC §4.1 step 7: "if the base is not On"; Shadow is not On, so the rollout turns the user On.
        var evaluation = Engine.BoolAccessor("shadow.base").Evaluate("bob");

        Assert.Equal((FlagMode.On, FlagReason.Split), (evaluation.Mode, evaluation.Reason));
    }

    [Fact]
    public void Other_types_follow_steps_3_5_and_a_value_beats_the_split()
    {
        var forBob = Engine.Evaluate(Manifest.IndexOf("pair3v5.int"), "bob");
        var forCarol = Engine.Evaluate(Manifest.IndexOf("pair3v5.int"), "carol");
        var variant = Engine.Evaluate(Manifest.IndexOf("pair5v7.variant"), "bob");

        Assert.Equal((3, FlagReason.TargetingMatch), (forBob.Value.Int32, forBob.Reason));
        Assert.Equal((5, FlagReason.Override), (forCarol.Value.Int32, forCarol.Reason));
        Assert.Equal((0, FlagReason.Override, "config:Flags:pair5v7.variant"), (variant.Value.Int32, variant.Reason, variant.Source));
    }

    private static void AssertDecides(string key, FlagMode mode, FlagReason reason, string source)
    {
        var evaluation = Engine.BoolAccessor(key).Evaluate("bob");

        Assert.Equal((mode, reason, source), (evaluation.Mode, evaluation.Reason, evaluation.Source));
    }
}
