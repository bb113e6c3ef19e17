using System.Collections.Generic;
using Microsoft.Extensions.Configuration;
using TypedFlags.Tests.Infrastructure;
using Xunit;

namespace TypedFlags.Tests.Overrides;

/// <summary>
/// A key that one provider writes as a value and a later one as an object (or the other way round) is resolved by
/// provider order, field by field: the value is shorthand for the field it sets (State for kill, Rollout for a
/// percentage, else Value), and the later provider wins that field's group (Value and State are one group).
/// Real appsettings files through the JSON provider.
/// </summary>
public sealed class ProviderOrderTests
{
    private static readonly FlagManifest Manifest = Declare.Manifest(
        Declare.Bool("b.flag"),
        Declare.Int("limit", 50));

    [Fact]
    public void A_kill_in_a_later_file_beats_a_value_in_an_earlier_one()
    {
        var evaluation = Evaluate("""{ "Flags": { "b.flag": "on" } }""", """{ "Flags": { "b.flag": { "State": "kill" } } }""", out var logger);

        Assert.Equal((FlagMode.Off, FlagReason.Killed, "config:Flags:b.flag:State"), evaluation);
        Assert.Empty(logger.Entries);
    }

    [Fact]
    public void A_Value_in_a_later_file_beats_a_value_in_an_earlier_one()
    {
        var evaluation = Evaluate("""{ "Flags": { "b.flag": "off" } }""", """{ "Flags": { "b.flag": { "Value": "on" } } }""", out var logger);

        Assert.Equal((FlagMode.On, FlagReason.Override, "config:Flags:b.flag:Value"), evaluation);
        Assert.Empty(logger.Entries);
    }

    [Fact]
    public void A_value_in_a_later_file_beats_the_Value_and_State_of_an_earlier_one_and_leaves_its_other_fields()
    {
        var killedBefore = Evaluate("""{ "Flags": { "b.flag": { "State": "kill", "Deny": [ "bob" ] } } }""", """{ "Flags": { "b.flag": "on" } }""", out _);
        Assert.Equal((FlagMode.On, FlagReason.Override, "config:Flags:b.flag"), killedBefore);

        var denied = Evaluate("""{ "Flags": { "b.flag": { "State": "kill", "Deny": [ "bob" ] } } }""", """{ "Flags": { "b.flag": "on" } }""", out _, user: "bob");
        Assert.Equal((FlagMode.Off, FlagReason.TargetingMatch, "config:Flags:b.flag:Deny"), denied);

        // A rollout is shorthand for Rollout: an earlier Value stays.
        var valueStays = Evaluate("""{ "Flags": { "b.flag": { "Value": "on" } } }""", """{ "Flags": { "b.flag": "0%" } }""", out _);
        Assert.Equal((FlagMode.On, FlagReason.Override, "config:Flags:b.flag:Value"), valueStays);
    }

    [Fact]
    public void An_empty_value_in_a_later_file_clears_what_earlier_files_set()
    {
        var evaluation = Evaluate("""{ "Flags": { "b.flag": { "Value": "on", "Deny": "bob" } } }""", """{ "Flags": { "b.flag": "" } }""", out var logger, user: "bob");

        Assert.Equal((FlagMode.Off, FlagReason.Default, "flags.yaml"), evaluation);
        Assert.Empty(logger.Entries);
    }

    [Fact]
    public void Flag_variables_added_before_a_file_lose_the_fields_the_file_sets_and_keep_the_others()
    {
        using var files = new SettingsFiles();
        files.Write("appsettings.json", """{ "Flags": { "limit": { "Value": "7", "Targets": { "alice": "9", "tenant:acme": "11" } } } }""");
        var variables = new Dictionary<string, string?> { ["FLAGS_LIMIT"] = "3", ["FLAGS_B_FLAG"] = "on" };
        var configuration = new ConfigurationBuilder()
            .Add(new ProviderSource(new FlagEnvironmentVariablesProvider(Manifest, name => variables.TryGetValue(name, out var v) ? v : null)))
            .AddJsonFile(files, "appsettings.json", optional: false, reloadOnChange: false)
            .Build();
        var logger = new ListLogger();
        var engine = new FlagEngine(Manifest, configuration, new FlagOptions { Logger = logger });
        var limit = new Flag<int>(engine, Manifest.IndexOf("limit"));

        Assert.Equal((7, FlagReason.Override, "config:Flags:limit:Value"), Describe(limit.Evaluate("bob")));
        Assert.Equal((9, FlagReason.TargetingMatch, "config:Flags:limit:Targets:alice"), Describe(limit.Evaluate("alice")));
        Assert.Equal(11, limit.Evaluate(new FlagContext { TargetingKey = "carol", Tenant = "acme" }).Value);
        Assert.Equal((true, "env:FLAGS_B_FLAG"), (engine.BoolAccessor("b.flag").Evaluate("bob").Value, engine.BoolAccessor("b.flag").Evaluate("bob").Source));
        Assert.Empty(logger.Entries);
    }

    [Fact]
    public void The_providers_of_a_configuration_added_to_the_builder_keep_their_order()
    {
        var inner = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Flags:b.flag:State"] = "kill" })
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Flags:b.flag"] = "on" })
            .Build();
        var configuration = new ConfigurationBuilder().AddConfiguration(inner).Build();

        var evaluation = new FlagEngine(Manifest, configuration, new FlagOptions { EnvironmentVariables = false }).BoolAccessor("b.flag").Evaluate("bob");

        Assert.Equal((FlagMode.On, FlagReason.Override), (evaluation.Mode, evaluation.Reason));
    }

    [Fact]
    public void A_configuration_section_given_as_the_configuration_is_read_as_one_provider()
    {
        var root = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["App:Flags:b.flag:Value"] = "on", ["App:Flags:limit"] = "7" })
            .Build();

        var engine = new FlagEngine(Manifest, root.GetSection("App"), new FlagOptions { EnvironmentVariables = false });

        var evaluation = engine.BoolAccessor("b.flag").Evaluate("bob");
        Assert.Equal((FlagMode.On, FlagReason.Override, "config:App:Flags:b.flag:Value"), (evaluation.Mode, evaluation.Reason, evaluation.Source));
        Assert.Equal(7, new Flag<int>(engine, Manifest.IndexOf("limit")).Value);
    }

    private static (int Value, FlagReason Reason, string Source) Describe(FlagEvaluation<int> evaluation) => (evaluation.Value, evaluation.Reason, evaluation.Source);

    private static (FlagMode Mode, FlagReason Reason, string Source) Evaluate(string appsettings, string production, out ListLogger logger, string user = "carol")
    {
        using var files = new SettingsFiles();
        files.Write("appsettings.json", appsettings);
        files.Write("appsettings.Production.json", production);
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(files, "appsettings.json", optional: false, reloadOnChange: false)
            .AddJsonFile(files, "appsettings.Production.json", optional: false, reloadOnChange: false)
            .Build();
        logger = new ListLogger();
        var evaluation = new FlagEngine(Manifest, configuration, new FlagOptions { Logger = logger }).BoolAccessor("b.flag").Evaluate(user);
        return (evaluation.Mode, evaluation.Reason, evaluation.Source);
    }
}
