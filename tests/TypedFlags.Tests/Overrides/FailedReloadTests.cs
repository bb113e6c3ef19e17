using System;
using System.IO;
using System.Linq;
using Microsoft.Extensions.Configuration;
using TypedFlags.Tests.Infrastructure;
using Xunit;

namespace TypedFlags.Tests.Overrides;

/// <summary>
/// appsettings.json saved with a syntax error: the JSON provider empties its data and does not signal a reload, so
/// the flags notice only when another provider reloads. Its last good overrides must survive that, with one warning.
/// Real files through the JSON provider; reloads are signalled by <see cref="SettingsFiles"/>, not a file watcher.
/// </summary>
public sealed class FailedReloadTests
{
    private static readonly FlagManifest Manifest = Declare.Manifest(
        Declare.Bool("b.flag"),
        Declare.Bool("c.flag"));

    [Fact]
    public void A_broken_file_keeps_its_kill_switch_when_another_file_reloads_and_the_failure_is_logged_once()
    {
        using var files = new SettingsFiles();
        files.Write("appsettings.json", """{ "Flags": { "b.flag": "kill" } }""");
        files.Write("other.json", """{ "Flags": { "c.flag": "on" } }""");
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(source => Reloading(source, files, "appsettings.json"))
            .AddJsonFile(source => Reloading(source, files, "other.json"))
            .Build();
        var logger = new ListLogger();
        var engine = new FlagEngine(Manifest, configuration, new FlagOptions { Logger = logger });
        var b = engine.BoolAccessor("b.flag");
        var c = engine.BoolAccessor("c.flag");
        Assert.Equal(FlagReason.Killed, b.Evaluate("bob").Reason);

        // The broken save: the provider throws from its reload and drops every value it had.
        files.Write("appsettings.json", """{ "Flags": { "b.flag": """);
        Assert.IsType<InvalidDataException>(Assert.IsType<AggregateException>(files.Change("appsettings.json")).InnerException);
        Assert.Null(configuration["Flags:b.flag"]);

        // Another provider reloads, twice: the kill stays, and the failure is logged once.
        files.Write("other.json", """{ "Flags": { "c.flag": "off" } }""");
        Assert.Null(files.Change("other.json"));
        Assert.Equal((FlagReason.Override, false), (c.Evaluate("bob").Reason, c.IsEnabledFor("bob")));
        Assert.Equal((FlagReason.Killed, "config:Flags:b.flag"), (b.Evaluate("bob").Reason, b.Evaluate("bob").Source));
        files.Write("other.json", """{ "Flags": { "c.flag": "on" } }""");
        Assert.Null(files.Change("other.json"));
        Assert.True(c.IsEnabledFor("bob"));
        Assert.Equal(FlagReason.Killed, b.Evaluate("bob").Reason);
        var warning = Assert.Single(logger.Entries);
        Assert.Contains("JsonConfigurationProvider for 'appsettings.json'", warning.Message, StringComparison.Ordinal);
        Assert.Contains("lost all its values without a reload", warning.Message, StringComparison.Ordinal);

        // Fixed: its new values apply. Broken again: logged again.
        files.Write("appsettings.json", """{ "Flags": { "b.flag": "on" } }""");
        Assert.Null(files.Change("appsettings.json"));
        Assert.Equal(FlagReason.Override, b.Evaluate("bob").Reason);
        files.Write("appsettings.json", "{");
        Assert.NotNull(files.Change("appsettings.json"));
        Assert.Null(files.Change("other.json"));
        Assert.Equal((FlagReason.Override, true), (b.Evaluate("bob").Reason, b.IsEnabledFor("bob")));
        Assert.Equal(2, logger.Entries.Count(e => e.Message.Contains("lost all its values", StringComparison.Ordinal)));
    }

    [Fact]
    public void A_file_emptied_by_a_good_reload_is_not_a_failure()
    {
        using var files = new SettingsFiles();
        files.Write("appsettings.json", """{ "Flags": { "b.flag": "kill" } }""");
        var configuration = new ConfigurationBuilder().AddJsonFile(source => Reloading(source, files, "appsettings.json")).Build();
        var logger = new ListLogger();
        var engine = new FlagEngine(Manifest, configuration, new FlagOptions { Logger = logger });

        files.Write("appsettings.json", "{}");
        Assert.Null(files.Change("appsettings.json"));

        Assert.Equal(FlagReason.Default, engine.BoolAccessor("b.flag").Evaluate("bob").Reason);
        Assert.Empty(logger.Entries);
    }

    private static void Reloading(Microsoft.Extensions.Configuration.Json.JsonConfigurationSource source, SettingsFiles files, string path)
    {
        source.FileProvider = files;
        source.Path = path;
        source.Optional = false;
        source.ReloadOnChange = true;
        source.ReloadDelay = 0;
    }
}
