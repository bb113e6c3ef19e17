using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using TypedFlags.Tests.Infrastructure;
using Xunit;

namespace TypedFlags.Tests.Overrides;

/// <summary>
/// The object form of an override (SPEC §4.2): <c>{ Value, State, Rollout, Allow, Deny, Targets, Expires }</c>, the
/// steps it feeds (1 kill, 3 per-target, 4 allow/deny, 5 global value) and expiry through the engine's clock.
/// </summary>
public sealed class ObjectOverrideTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 22, 9, 0, 0, TimeSpan.Zero);

    private static readonly FlagManifest Manifest = Declare.Manifest(
        Declare.Bool("billing.enabled", FlagMode.On),
        Declare.Bool("invoices.write", requires: new[] { "billing.enabled" }, allow: new[] { "alice" }, deny: new[] { "mallory" }),
        Declare.Int("search.max_results", 50),
        Declare.String("support.text", "hello"),
        Declare.Variant("checkout.layout", new[] { "classic", "compact", "wide" }, 0));

    [Fact]
    public void State_kill_turns_a_bool_flag_off_for_everyone_with_reason_Killed()
    {
        var (engine, _, _, _) = Create(new() { ["Flags:invoices.write:State"] = "kill" });

        var evaluation = engine.BoolAccessor("invoices.write").Evaluate("alice");

        Assert.Equal((FlagMode.Off, FlagReason.Killed, "config:Flags:invoices.write:State"), (evaluation.Mode, evaluation.Reason, evaluation.Source));
    }

    [Fact]
    public void State_kill_returns_the_declared_default_of_other_types()
    {
        var (engine, _, _, _) = Create(new() { ["Flags:search.max_results:State"] = "KILLED", ["Flags:search.max_results:Value"] = "7" });

        var evaluation = new Flag<int>(engine, Manifest.IndexOf("search.max_results")).Evaluate("bob");

        Assert.Equal((50, FlagReason.Killed), (evaluation.Value, evaluation.Reason));
    }

    [Fact]
    public void State_active_applies_nothing_and_a_bool_State_acts_as_Value()
    {
        var (engine, _, _, _) = Create(new() { ["Flags:search.max_results:State"] = "active", ["Flags:invoices.write:State"] = "shadow" });

        Assert.Equal(FlagReason.Default, new Flag<int>(engine, Manifest.IndexOf("search.max_results")).Evaluate(default).Reason);
        var write = engine.BoolAccessor("invoices.write").Evaluate("bob");
        Assert.Equal((FlagMode.Shadow, FlagReason.Override), (write.Mode, write.Reason));
    }

    [Fact]
    public void Value_and_State_that_disagree_are_rejected_with_a_warning()
    {
        var (engine, _, _, logger) = Create(new() { ["Flags:invoices.write:Value"] = "true", ["Flags:invoices.write:State"] = "off" });

        Assert.Equal(FlagReason.Default, engine.BoolAccessor("invoices.write").Evaluate("bob").Reason);
        Assert.Contains("config:Flags:invoices.write:Value", Assert.Single(logger.Entries).Message);
    }

    [Fact]
    public void Runtime_allow_and_deny_add_to_the_declared_lists_as_an_array_or_a_separated_string()
    {
        var (engine, _, _, _) = Create(new()
        {
            ["Flags:invoices.write:Allow:0"] = "bob",
            ["Flags:invoices.write:Allow:1"] = "tenant:acme",
            ["Flags:invoices.write:Deny"] = "carol; group:interns ,",
        });
        var flag = engine.BoolAccessor("invoices.write");

        Assert.True(flag.IsEnabledFor("alice"));
        var bob = flag.Evaluate("bob");
        Assert.Equal((FlagMode.On, FlagReason.TargetingMatch, "config:Flags:invoices.write:Allow"), (bob.Mode, bob.Reason, bob.Source));
        Assert.True(flag.IsEnabledFor(new FlagContext { TargetingKey = "dave", Tenant = "acme" }));
        Assert.False(flag.IsEnabledFor("mallory"));
        var carol = flag.Evaluate("carol");
        Assert.Equal((FlagMode.Off, FlagReason.TargetingMatch, "config:Flags:invoices.write:Deny"), (carol.Mode, carol.Reason, carol.Source));

        // Deny (declared or runtime) beats allow (declared or runtime).
        Assert.False(flag.IsEnabledFor(new FlagContext { TargetingKey = "alice", Groups = new[] { "interns" } }));
        Assert.False(flag.IsEnabledFor(new FlagContext { TargetingKey = "bob", Groups = new[] { "interns" } }));
    }

    [Fact]
    public void Targets_map_gives_users_tenants_and_groups_their_own_values()
    {
        var (engine, _, _, _) = Create(new()
        {
            ["Flags:invoices.write:Targets:bob"] = "on",
            ["Flags:invoices.write:Targets:tenant:acme"] = "shadow",
            ["Flags:invoices.write:Targets:group:beta:Value"] = "true",
            ["Flags:checkout.layout:Targets:bob"] = "wide",
            ["Flags:search.max_results:Targets:tenant:acme"] = "500",
        });

        var bob = engine.BoolAccessor("invoices.write").Evaluate("bob");
        Assert.Equal((FlagMode.On, FlagReason.TargetingMatch, "config:Flags:invoices.write:Targets:bob"), (bob.Mode, bob.Reason, bob.Source));
        Assert.Equal(FlagMode.Shadow, engine.BoolAccessor("invoices.write").Evaluate(new FlagContext { TargetingKey = "x", Tenant = "acme" }).Mode);
        Assert.True(engine.BoolAccessor("invoices.write").IsEnabledFor(new FlagContext { TargetingKey = "y", Groups = new[] { "other", "beta" } }));
        Assert.False(engine.BoolAccessor("invoices.write").IsEnabledFor("zoe"));

        var layout = engine.Evaluate(Manifest.IndexOf("checkout.layout"), "bob");
        Assert.Equal((2, FlagReason.TargetingMatch), (layout.Value.Int32, layout.Reason));
        var results = new Flag<int>(engine, Manifest.IndexOf("search.max_results"));
        Assert.Equal(500, results.GetValue(new FlagContext { Tenant = "acme" }));
        Assert.Equal(50, results.GetValue(new FlagContext { Tenant = "contoso" }));
    }

    [Fact]
    public void Targets_array_form_takes_keys_with_colons_and_that_differ_only_in_case()
    {
        var (engine, _, _, _) = Create(new()
        {
            ["Flags:invoices.write:Targets:0:Target"] = "urn:user:42",
            ["Flags:invoices.write:Targets:0:Value"] = "true",
            ["Flags:invoices.write:Targets:1:Target"] = "Bob",
            ["Flags:invoices.write:Targets:1:Value"] = "true",
        });
        var flag = engine.BoolAccessor("invoices.write");

        Assert.Equal("config:Flags:invoices.write:Targets:0:Value", flag.Evaluate("urn:user:42").Source);
        Assert.True(flag.IsEnabledFor("Bob"));
        Assert.False(flag.IsEnabledFor("bob"));
    }

    [Fact]
    public void A_target_kill_is_step_1_and_beats_prerequisites_while_a_target_value_comes_after_them()
    {
        var (engine, _, _, _) = Create(new()
        {
            ["Flags:billing.enabled:Targets:tenant:frozen"] = "off",
            ["Flags:invoices.write:Targets:bob"] = "kill",
            ["Flags:invoices.write:Targets:carol"] = "on",
        });
        var flag = engine.BoolAccessor("invoices.write");

        // Step 1 before step 2: the kill reports Killed even where a prerequisite is also unmet.
        var bob = flag.Evaluate(new FlagContext { TargetingKey = "bob", Tenant = "frozen" });
        Assert.Equal((FlagMode.Off, FlagReason.Killed, "config:Flags:invoices.write:Targets:bob"), (bob.Mode, bob.Reason, bob.Source));

        // Step 2 before step 3: carol's own value does not help when billing is off for her tenant.
        Assert.Equal(FlagReason.Prerequisite, flag.Evaluate(new FlagContext { TargetingKey = "carol", Tenant = "frozen" }).Reason);
        Assert.Equal(FlagReason.TargetingMatch, flag.Evaluate("carol").Reason);
    }

    [Fact]
    public void A_target_value_beats_the_deny_list_and_a_global_value()
    {
        var (engine, _, _, _) = Create(new()
        {
            ["Flags:invoices.write:Targets:mallory"] = "true",
            ["Flags:invoices.write:Value"] = "false",
        });
        var flag = engine.BoolAccessor("invoices.write");

        var mallory = flag.Evaluate("mallory");
        Assert.Equal((FlagMode.On, "config:Flags:invoices.write:Targets:mallory"), (mallory.Mode, mallory.Source));
        Assert.True(flag.IsEnabledFor("alice"));
        Assert.Equal((FlagMode.Off, FlagReason.Override), (flag.Evaluate("zoe").Mode, flag.Evaluate("zoe").Reason));
    }

    [Fact]
    public void A_target_expires_on_the_engine_clock_without_a_reload()
    {
        var (engine, _, clock, _) = Create(new()
        {
            ["Flags:invoices.write:Targets:bob:Value"] = "true",
            ["Flags:invoices.write:Targets:bob:Expires"] = "2026-11-22T12:00:00Z",
            ["Flags:invoices.write:Targets:carol:Value"] = "true",
            ["Flags:invoices.write:Targets:carol:Expires"] = "2026-11-23",
        });
        var flag = engine.BoolAccessor("invoices.write");
        Assert.True(flag.IsEnabledFor("bob"));

        clock.AdvanceTo(new DateTimeOffset(2026, 11, 22, 12, 0, 0, TimeSpan.Zero));
        Assert.False(flag.IsEnabledFor("bob"));

        // A date means through that whole day, UTC.
        clock.AdvanceTo(new DateTimeOffset(2026, 11, 23, 23, 59, 0, TimeSpan.Zero));
        Assert.True(flag.IsEnabledFor("carol"));
        clock.AdvanceTo(new DateTimeOffset(2026, 11, 24, 0, 0, 0, TimeSpan.Zero));
        Assert.False(flag.IsEnabledFor("carol"));
    }

    [Fact]
    public void The_whole_override_expires_and_the_declared_behaviour_returns()
    {
        var (engine, _, clock, _) = Create(new()
        {
            ["Flags:billing.enabled:State"] = "kill",
            ["Flags:billing.enabled:Expires"] = "2026-11-22T10:30:00+01:00",
        });
        var flag = engine.BoolAccessor("billing.enabled");
        Assert.Equal(FlagReason.Killed, flag.Evaluate(default).Reason);

        clock.Advance(TimeSpan.FromMinutes(30));

        Assert.True(flag.IsEnabled);
        Assert.Equal(FlagReason.Default, flag.Evaluate(default).Reason);
    }

    [Fact]
    public void An_already_expired_override_applies_nothing()
    {
        var (engine, _, _, _) = Create(new() { ["Flags:billing.enabled:Value"] = "off", ["Flags:billing.enabled:Expires"] = "2026-11-21" });

        Assert.True(engine.BoolAccessor("billing.enabled").IsEnabled);
    }

    [Theory]
    [InlineData("Flags:invoices.write:Targets:bob", "25%", "a rollout does not apply to a single target")]
    [InlineData("Flags:invoices.write:Targets:bob", "maybe", "accepted: true, false")]
    [InlineData("Flags:invoices.write:Expires", "next tuesday", "accepted: a date (2026-12-31")]
    [InlineData("Flags:invoices.write:Rollout", "half", "accepted: a percentage")]
    [InlineData("Flags:search.max_results:State", "paused", "accepted: kill (or killed), active")]
    public void A_bad_field_keeps_the_last_good_override_and_is_logged_once(string path, string bad, string expected)
    {
        var (engine, memory, _, logger) = Create(new() { ["Flags:invoices.write:Value"] = "on", ["Flags:search.max_results:Value"] = "7" });
        Assert.True(engine.BoolAccessor("invoices.write").IsEnabledFor("zoe"));

        memory.Set("Flags:invoices.write:Value", "off");
        memory.Set("Flags:search.max_results:Value", "8");
        memory.Set(path, bad);
        memory.Reload();
        memory.Reload();

        var warning = Assert.Single(logger.Entries);
        Assert.Equal(LogLevel.Warning, warning.Level);
        Assert.Contains($"Override 'config:{path}' has value '{bad}'", warning.Message);
        Assert.Contains(expected, warning.Message);
        if (path.StartsWith("Flags:invoices.write", StringComparison.Ordinal))
        {
            Assert.True(engine.BoolAccessor("invoices.write").IsEnabledFor("zoe"));
            Assert.Equal(8, new Flag<int>(engine, Manifest.IndexOf("search.max_results")).Value);
        }
        else
        {
            Assert.Equal(7, new Flag<int>(engine, Manifest.IndexOf("search.max_results")).Value);
            Assert.False(engine.BoolAccessor("invoices.write").IsEnabledFor("zoe"));
        }
    }

    [Fact]
    public void Fields_that_do_not_exist_or_do_not_apply_are_ignored_with_a_warning()
    {
        var (engine, _, _, logger) = Create(new()
        {
            ["Flags:search.max_results:Value"] = "9",
            ["Flags:search.max_results:Allow"] = "bob",
            ["Flags:search.max_results:Colour"] = "red",
        });

        Assert.Equal(9, new Flag<int>(engine, Manifest.IndexOf("search.max_results")).Value);
        Assert.Equal(2, logger.Entries.Count);
        Assert.Contains(logger.Entries, e => e.Message.Contains("Rollout, Allow and Deny apply to bool flags only", StringComparison.Ordinal));
        Assert.Contains(logger.Entries, e => e.Message.Contains("'Flags:search.max_results:Colour' is ignored", StringComparison.Ordinal));
    }

    [Fact]
    public void A_real_appsettings_file_with_prefixed_target_keys_and_arrays()
    {
        var directory = Directory.CreateTempSubdirectory("typedflags-");
        try
        {
            File.WriteAllText(Path.Combine(directory.FullName, "appsettings.json"), """
                {
                  "Flags": {
                    "invoices.write": {
                      "Allow": [ "bob", "group:beta" ],
                      "Deny": [ "tenant:blocked" ],
                      "Targets": {
                        "tenant:acme": "shadow",
                        "carol": { "Value": "kill", "Expires": "2099-01-01" }
                      },
                      "Rollout": "0%"
                    },
                    "checkout.layout": { "Targets": [ { "Target": "urn:u:1", "Value": "Compact" } ] }
                  }
                }
                """);
            var configuration = new ConfigurationBuilder().SetBasePath(directory.FullName).AddJsonFile("appsettings.json").Build();
            var logger = new ListLogger();
            var engine = new FlagEngine(Manifest, configuration, new FlagOptions { EnvironmentName = "Production", Logger = logger });
            var flag = engine.BoolAccessor("invoices.write");

            Assert.True(flag.IsEnabledFor("bob"));
            Assert.True(flag.IsEnabledFor(new FlagContext { TargetingKey = "x", Groups = new[] { "beta" } }));
            Assert.False(flag.IsEnabledFor(new FlagContext { TargetingKey = "bob", Tenant = "blocked" }));
            Assert.True(flag.IsShadowFor(new FlagContext { TargetingKey = "x", Tenant = "acme" }));
            Assert.Equal(FlagReason.Killed, flag.Evaluate("carol").Reason);
            Assert.Equal(1, engine.Evaluate(Manifest.IndexOf("checkout.layout"), "urn:u:1").Value.Int32);
            Assert.Empty(logger.Entries);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    private static (FlagEngine Engine, MemoryConfiguration Memory, ManualTimeProvider Clock, ListLogger Logger) Create(Dictionary<string, string?> values)
    {
        var memory = MemoryConfiguration.Create(values);
        var clock = new ManualTimeProvider(Start);
        var logger = new ListLogger();
        var engine = new FlagEngine(Manifest, memory.Root, new FlagOptions { EnvironmentName = "Production", Logger = logger, TimeProvider = clock });
        return (engine, memory, clock, logger);
    }
}
