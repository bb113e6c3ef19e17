using System.Collections.Generic;
using TypedFlags.Tests.Infrastructure;
using Xunit;

namespace TypedFlags.Tests.Evaluation;

/// <summary>Step 4: the declared deny list, then the allow list.</summary>
public sealed class TargetingTests
{
    private static BoolFlag Flag(string[]? allow = null, string[]? deny = null, FlagMode @default = FlagMode.Off) =>
        Declare.Engine(Declare.Manifest(Declare.Bool("f", @default, allow: allow, deny: deny))).BoolAccessor("f");

    [Fact]
    public void An_allowed_targeting_key_gets_the_flag()
    {
        var evaluation = Flag(allow: new[] { "alice" }).Evaluate("alice");

        Assert.True(evaluation.Value);
        Assert.Equal(FlagReason.TargetingMatch, evaluation.Reason);
        Assert.Equal("flags.yaml", evaluation.Source);
    }

    [Theory]
    [InlineData("Alice")]
    [InlineData("alice ")]
    [InlineData("bob")]
    public void Targeting_keys_match_exactly(string key)
    {
        var evaluation = Flag(allow: new[] { "alice" }).Evaluate(key);

        Assert.False(evaluation.Value);
        Assert.Equal(FlagReason.Default, evaluation.Reason);
    }

    [Fact]
    public void A_tenant_entry_matches_the_tenant()
    {
        var flag = Flag(allow: new[] { "tenant:acme" });

        Assert.True(flag.IsEnabledFor(new FlagContext { TargetingKey = "bob", Tenant = "acme" }));
        Assert.False(flag.IsEnabledFor(new FlagContext { TargetingKey = "bob", Tenant = "Acme" }));
        Assert.False(flag.IsEnabledFor(new FlagContext { TargetingKey = "acme" }));
        Assert.False(flag.IsEnabledFor(new FlagContext { TargetingKey = "tenant:acme" }));
    }

    [Fact]
    public void A_group_entry_matches_any_of_the_groups()
    {
        var flag = Flag(allow: new[] { "group:beta-testers" });

        Assert.True(flag.IsEnabledFor(new FlagContext { Groups = new[] { "admins", "beta-testers" } }));
        Assert.True(flag.IsEnabledFor(new FlagContext { Groups = new List<string> { "beta-testers" } }));
        Assert.False(flag.IsEnabledFor(new FlagContext { Groups = new[] { "admins" } }));
        Assert.False(flag.IsEnabledFor(new FlagContext { Groups = new string[] { null!, "Beta-Testers" } }));
        Assert.False(flag.IsEnabledFor(new FlagContext { TargetingKey = "beta-testers" }));
    }

    [Fact]
    public void A_denied_target_gets_the_flag_off()
    {
        var evaluation = Flag(deny: new[] { "tenant:bigcorp" }, @default: FlagMode.On).Evaluate(new FlagContext { TargetingKey = "alice", Tenant = "bigcorp" });

        Assert.Equal(FlagMode.Off, evaluation.Mode);
        Assert.Equal(FlagReason.TargetingMatch, evaluation.Reason);
    }

    [Fact]
    public void Deny_beats_allow()
    {
        var flag = Flag(allow: new[] { "group:beta" }, deny: new[] { "alice" });

        var alice = flag.Evaluate(new FlagContext { TargetingKey = "alice", Groups = new[] { "beta" } });
        var bob = flag.Evaluate(new FlagContext { TargetingKey = "bob", Groups = new[] { "beta" } });

        Assert.Equal(FlagMode.Off, alice.Mode);
        Assert.Equal(FlagReason.TargetingMatch, alice.Reason);
        Assert.Equal(FlagMode.On, bob.Mode);
        Assert.Equal(FlagReason.TargetingMatch, bob.Reason);
    }

    [Fact]
    public void Targeting_does_not_apply_without_a_context()
    {
        var flag = Flag(allow: new[] { "alice" });

        Assert.False(flag.IsEnabled);
        Assert.Equal(FlagReason.Default, flag.Evaluate(default).Reason);
    }
}
