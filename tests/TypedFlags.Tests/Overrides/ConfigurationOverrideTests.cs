using System.Collections.Generic;
using Microsoft.Extensions.Logging;
using TypedFlags.Tests.Infrastructure;
using Xunit;

namespace TypedFlags.Tests.Overrides;

/// <summary>Deploy-time overrides from IConfiguration (SPEC §4.2): grammar, precedence, reload and last good value.</summary>
public sealed class ConfigurationOverrideTests
{
    private static readonly FlagManifest Manifest = Declare.Manifest(
        Declare.Bool("invoices.write", phase: "beta", rollout: 0),
        Declare.Bool("invoices.read", FlagMode.On),
        Declare.Bool("vip.lounge", allow: new[] { "alice" }),
        Declare.Int("search.max_results", 50),
        Declare.Double("pricing.rate", 0.5),
        Declare.String("support.text", "hello"),
        Declare.Variant("checkout.layout", new[] { "classic", "compact" }, 0));

    [Theory]
    [InlineData("true", FlagMode.On)]
    [InlineData("TRUE", FlagMode.On)]
    [InlineData("1", FlagMode.On)]
    [InlineData("on", FlagMode.On)]
    [InlineData("Yes", FlagMode.On)]
    [InlineData("enabled", FlagMode.On)]
    [InlineData("false", FlagMode.Off)]
    [InlineData("0", FlagMode.Off)]
    [InlineData("OFF", FlagMode.Off)]
    [InlineData("no", FlagMode.Off)]
    [InlineData("Disabled", FlagMode.Off)]
    [InlineData("shadow", FlagMode.Shadow)]
    public void A_scalar_bool_override_wins_over_the_phase_with_reason_Override(string raw, FlagMode expected)
    {
        var (engine, _, _) = Create(new() { ["Flags:invoices.write"] = raw });

        var evaluation = engine.BoolAccessor("invoices.write").Evaluate("bob");

        Assert.Equal(expected, evaluation.Mode);
        Assert.Equal(FlagReason.Override, evaluation.Reason);
        Assert.Equal("config:Flags:invoices.write", evaluation.Source);
    }

    [Fact]
    public void Kill_turns_the_flag_off_for_everyone_even_an_allowed_user()
    {
        var (engine, _, _) = Create(new() { ["Flags:vip.lounge"] = "kill" });

        var evaluation = engine.BoolAccessor("vip.lounge").Evaluate("alice");

        Assert.Equal(FlagMode.Off, evaluation.Mode);
        Assert.Equal(FlagReason.Killed, evaluation.Reason);
        Assert.Equal("config:Flags:vip.lounge", evaluation.Source);
    }

    [Fact]
    public void Targeting_beats_a_global_value_and_a_global_value_beats_the_base()
    {
        var (engine, _, _) = Create(new() { ["Flags:vip.lounge"] = "false", ["Flags:invoices.read"] = "false" });

        Assert.Equal(FlagReason.TargetingMatch, engine.BoolAccessor("vip.lounge").Evaluate("alice").Reason);
        Assert.True(engine.BoolAccessor("vip.lounge").IsEnabledFor("alice"));
        Assert.False(engine.BoolAccessor("vip.lounge").IsEnabledFor("bob"));
        Assert.False(engine.BoolAccessor("invoices.read").IsEnabled);
    }

    [Fact]
    public void A_rollout_override_replaces_the_declared_rollout_and_evaluation_continues()
    {
        var (engine, _, _) = Create(new() { ["Flags:invoices.write"] = "100%" });

        var evaluation = engine.BoolAccessor("invoices.write").Evaluate("bob");

        Assert.Equal(FlagMode.On, evaluation.Mode);
        Assert.Equal(FlagReason.Split, evaluation.Reason);
        Assert.Equal("config:Flags:invoices.write", evaluation.Source);
    }

    [Fact]
    public void Object_form_with_Value_and_Rollout()
    {
        var (engine, _, _) = Create(new() { ["Flags:invoices.write:Rollout"] = "100", ["Flags:search.max_results:Value"] = "7" });

        Assert.Equal(FlagReason.Split, engine.BoolAccessor("invoices.write").Evaluate("bob").Reason);
        Assert.Equal(7, new Flag<int>(engine, Manifest.IndexOf("search.max_results")).Value);
    }

    [Fact]
    public void Other_types_parse_with_the_invariant_culture_and_variants_case_insensitively()
    {
        var (engine, _, _) = Create(new()
        {
            ["Flags:search.max_results"] = "500",
            ["Flags:pricing.rate"] = "0.25",
            ["Flags:support.text"] = "Maintenance tonight",
            ["Flags:checkout.layout"] = "COMPACT",
        });

        Assert.Equal(500, new Flag<int>(engine, Manifest.IndexOf("search.max_results")).Value);
        Assert.Equal(0.25, new Flag<double>(engine, Manifest.IndexOf("pricing.rate")).Value);
        var text = new Flag<string>(engine, Manifest.IndexOf("support.text")).Evaluate(default);
        Assert.Equal(("Maintenance tonight", FlagReason.Override, "config:Flags:support.text"), (text.Value, text.Reason, text.Source));
        Assert.Equal(1, engine.Evaluate(Manifest.IndexOf("checkout.layout"), default).Value.Int32);
    }

    [Fact]
    public void An_empty_value_means_unset()
    {
        var (engine, _, _) = Create(new() { ["Flags:invoices.read"] = "" });

        Assert.Equal(FlagReason.Default, engine.BoolAccessor("invoices.read").Evaluate(default).Reason);
    }

    [Fact]
    public void A_bad_value_is_logged_once_with_the_source_and_accepted_values_and_the_last_good_value_stays()
    {
        var (engine, provider, logger) = Create(new() { ["Flags:search.max_results"] = "70" });
        var flag = new Flag<int>(engine, Manifest.IndexOf("search.max_results"));
        Assert.Equal(70, flag.Value);

        provider.Set("Flags:search.max_results", "seventy");
        provider.Reload();
        provider.Reload();

        Assert.Equal(70, flag.Value);
        var warning = Assert.Single(logger.Entries);
        Assert.Equal(LogLevel.Warning, warning.Level);
        Assert.Contains("Override 'config:Flags:search.max_results'", warning.Message);
        Assert.Contains("'seventy'", warning.Message);
        Assert.Contains("accepted: a 32-bit integer", warning.Message);

        provider.Set("Flags:search.max_results", "80");
        provider.Reload();
        Assert.Equal(80, flag.Value);
    }

    [Fact]
    public void An_override_for_an_undeclared_flag_is_logged_once_and_ignored()
    {
        var (engine, provider, logger) = Create(new() { ["Flags:invoices.wirte"] = "true" });
        provider.Reload();

        Assert.Contains("'invoices.wirte', which flags.yaml does not declare, so it is ignored; did you mean 'invoices.write'?", Assert.Single(logger.Entries).Message);
        Assert.False(engine.BoolAccessor("invoices.write").IsEnabled);
    }

    [Fact]
    public void A_reload_takes_effect_without_restart()
    {
        var (engine, provider, _) = Create(new());
        var flag = engine.BoolAccessor("invoices.write");
        Assert.False(flag.IsEnabled);

        provider.Set("Flags:invoices.write", "on");
        provider.Reload();
        Assert.True(flag.IsEnabled);

        provider.Set("Flags:invoices.write", null);
        provider.Reload();
        Assert.False(flag.IsEnabled);
        Assert.Equal(FlagReason.Phase, flag.Evaluate(default).Reason);
    }

    private static (FlagEngine Engine, MemoryConfiguration Provider, ListLogger Logger) Create(Dictionary<string, string?> values)
    {
        var provider = MemoryConfiguration.Create(values);
        var logger = new ListLogger();
        var engine = new FlagEngine(Manifest, provider.Root, new FlagOptions { EnvironmentName = "Production", Logger = logger });
        return (engine, provider, logger);
    }
}
