using System;
using System.Collections.Generic;
using Microsoft.Extensions.Configuration;
using TypedFlags.Tests.Infrastructure;
using Xunit;

namespace TypedFlags.Tests.Overrides;

/// <summary>
/// Each flag's environment variable (named in flags.yaml) overrides it through configuration, with normal provider
/// precedence, and evaluations name the variable as their source.
/// </summary>
public sealed class EnvironmentVariableOverrideTests
{
    // Names unique to this class: the process environment is shared by every test.
    private static readonly FlagManifest Manifest = new(
        new[]
        {
            new FlagDefinition("invoices.write", FlagValueKind.Bool, "Write", FlagValue.FromBool(false), "TFTEST_ENVOVR_INVOICES_WRITE"),
            new FlagDefinition("search.max_results", FlagValueKind.Int, "Max", FlagValue.FromInt(50), "TFTEST_ENVOVR_SEARCH_MAX_RESULTS"),
        },
        Declare.Phases());

    [Fact]
    public void The_declared_variable_overrides_the_flag_and_is_named_as_the_source()
    {
        var variables = new Dictionary<string, string?> { ["TFTEST_ENVOVR_INVOICES_WRITE"] = "on" };
        var configuration = new ConfigurationBuilder()
            .Add(new ProviderSource(new FlagEnvironmentVariablesProvider(Manifest, name => variables.TryGetValue(name, out var v) ? v : null)))
            .Build();

        var evaluation = new FlagEngine(Manifest, configuration).BoolAccessor("invoices.write").Evaluate("bob");

        Assert.Equal((true, FlagReason.Override, "env:TFTEST_ENVOVR_INVOICES_WRITE"), (evaluation.Value, evaluation.Reason, evaluation.Source));
    }

    [Fact]
    public void Provider_order_decides_between_a_file_and_the_variable()
    {
        Environment.SetEnvironmentVariable("TFTEST_ENVOVR_SEARCH_MAX_RESULTS", "7");
        try
        {
            var file = new Dictionary<string, string?> { ["Flags:search.max_results"] = "9" };
            var variableWins = new ConfigurationBuilder().AddInMemoryCollection(file).AddFlagEnvironmentVariables(Manifest).Build();
            var fileWins = new ConfigurationBuilder().AddFlagEnvironmentVariables(Manifest).AddInMemoryCollection(file).Build();

            var fromVariable = new Flag<int>(new FlagEngine(Manifest, variableWins), 1).Evaluate(default);
            var fromFile = new Flag<int>(new FlagEngine(Manifest, fileWins), 1).Evaluate(default);

            Assert.Equal((7, "env:TFTEST_ENVOVR_SEARCH_MAX_RESULTS"), (fromVariable.Value, fromVariable.Source));
            Assert.Equal((9, "config:Flags:search.max_results"), (fromFile.Value, fromFile.Source));
        }
        finally
        {
            Environment.SetEnvironmentVariable("TFTEST_ENVOVR_SEARCH_MAX_RESULTS", null);
        }
    }

    [Fact]
    public void A_bad_variable_is_a_warning_naming_the_variable_and_the_declared_value_stays()
    {
        var variables = new Dictionary<string, string?> { ["TFTEST_ENVOVR_INVOICES_WRITE"] = "maybe" };
        var configuration = new ConfigurationBuilder()
            .Add(new ProviderSource(new FlagEnvironmentVariablesProvider(Manifest, name => variables.TryGetValue(name, out var v) ? v : null)))
            .Build();
        var logger = new ListLogger();

        var flag = new FlagEngine(Manifest, configuration, new FlagOptions { Logger = logger }).BoolAccessor("invoices.write");

        Assert.False(flag.IsEnabled);
        var message = Assert.Single(logger.Entries).Message;
        Assert.Contains("Override 'env:TFTEST_ENVOVR_INVOICES_WRITE' has value 'maybe'", message);
        Assert.Contains("accepted: true, false, 1, 0, on, off, yes, no, enabled, disabled, shadow, kill", message);
    }

    [Fact]
    public void By_default_a_set_variable_is_the_last_provider_of_the_field_it_sets_and_an_empty_one_is_not_set()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Flags:invoices.write:Value"] = "off", ["Flags:invoices.write:Allow"] = "alice" })
            .Build();
        Environment.SetEnvironmentVariable("TFTEST_ENVOVR_INVOICES_WRITE", "shadow");
        try
        {
            var engine = new FlagEngine(Manifest, configuration);

            // The variable sets Value, after the file: its value wins; the file's Allow, a field the variable does
            // not set, still applies (step 4 comes before the global value).
            var bob = engine.BoolAccessor("invoices.write").Evaluate("bob");
            Assert.Equal((FlagMode.Shadow, FlagReason.Override, "env:TFTEST_ENVOVR_INVOICES_WRITE"), (bob.Mode, bob.Reason, bob.Source));
            Assert.Equal(FlagReason.TargetingMatch, engine.BoolAccessor("invoices.write").Evaluate("alice").Reason);

            // The engine reads the variables itself: the application's configuration is used as given, not wrapped.
            Assert.Same(configuration, engine.Configuration);

            // Re-read at a reload; set but empty means not set, so the configuration's value applies again.
            Environment.SetEnvironmentVariable("TFTEST_ENVOVR_INVOICES_WRITE", " ");
            configuration.Reload();
            var again = engine.BoolAccessor("invoices.write").Evaluate("bob");
            Assert.Equal((FlagMode.Off, FlagReason.Override, "config:Flags:invoices.write:Value"), (again.Mode, again.Reason, again.Source));
        }
        finally
        {
            Environment.SetEnvironmentVariable("TFTEST_ENVOVR_INVOICES_WRITE", null);
        }
    }
}
