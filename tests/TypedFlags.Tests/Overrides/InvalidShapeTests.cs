using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Extensions.Configuration;
using TypedFlags.Tests.Infrastructure;
using Xunit;

namespace TypedFlags.Tests.Overrides;

/// <summary>
/// Overrides in a shape the reader does not take are never ignored silently: each is a warning naming the source
/// and what is accepted, and a value that is not valid keeps the flag's last good override. Through the standard
/// environment-variable provider (<c>Flags__key__Value__0</c>) as well as files.
/// </summary>
public sealed class InvalidShapeTests
{
    private const string Prefix = "TFTEST_SHAPES_";

    private static readonly FlagManifest Manifest = Declare.Manifest(Declare.Bool("b.flag"));

    [Theory]
    [InlineData("Flags__b.flag__Value__0", "on", "Override 'config:Flags:b.flag:Value' has an array, which is not valid for bool flag 'b.flag'; accepted: true, false")]
    [InlineData("Flags__b.flag__Value__x", "1", "Override 'config:Flags:b.flag:Value' has an object, which is not valid for bool flag 'b.flag'")]
    [InlineData("Flags__b.flag__Targets__0__Value", "on", "Override 'config:Flags:b.flag:Targets:0' has an entry without Target, which is not valid for bool flag 'b.flag'; accepted: { Target, Value, State, Expires } with a Target")]
    [InlineData("Flags__b.flag__Allow", "alice;tenant:", "Override 'config:Flags:b.flag:Allow' has value 'tenant:', which is not valid for bool flag 'b.flag'; accepted: a user id, tenant:NAME or group:NAME")]
    [InlineData("Flags__b.flag__Deny__0", "group:", "Override 'config:Flags:b.flag:Deny:0' has value 'group:'")]
    [InlineData("Flags", "on", "Configuration 'config:Flags' is ignored: it has value 'on'; accepted: an object with one entry per flag key")]
    public void A_shape_the_reader_does_not_take_from_environment_variables_is_a_warning(string variable, string value, string warning)
    {
        // The file kills the flag; the variables come later. A rejected override has no last good one at startup, so
        // the flag is as declared; the section-level value is only ignored, so the file's kill applies.
        using var files = new SettingsFiles();
        files.Write("appsettings.json", """{ "Flags": { "b.flag": { "State": "kill" } } }""");
        Environment.SetEnvironmentVariable(Prefix + variable, value);
        try
        {
            var configuration = new ConfigurationBuilder()
                .AddJsonFile(files, "appsettings.json", optional: false, reloadOnChange: false)
                .AddEnvironmentVariables(Prefix)
                .Build();
            var logger = new ListLogger();

            var evaluation = new FlagEngine(Manifest, configuration, new FlagOptions { Logger = logger, EnvironmentVariables = false }).BoolAccessor("b.flag").Evaluate("alice");

            Assert.Contains(warning, Assert.Single(logger.Entries).Message, StringComparison.Ordinal);
            Assert.Equal(variable == "Flags" ? FlagReason.Killed : FlagReason.Default, evaluation.Reason);
        }
        finally
        {
            Environment.SetEnvironmentVariable(Prefix + variable, null);
        }
    }

    [Fact]
    public void A_rejected_reload_keeps_the_last_good_override()
    {
        var configuration = MemoryConfiguration.Create(new Dictionary<string, string?> { ["Flags:b.flag:State"] = "kill" });
        var logger = new ListLogger();
        var flag = new FlagEngine(Manifest, configuration.Root, new FlagOptions { Logger = logger, EnvironmentVariables = false }).BoolAccessor("b.flag");
        Assert.Equal(FlagReason.Killed, flag.Evaluate("bob").Reason);

        configuration.Set("Flags:b.flag:Targets:0:Value", "on");
        configuration.Reload();

        Assert.Equal(FlagReason.Killed, flag.Evaluate("bob").Reason);
        Assert.Contains("has an entry without Target", Assert.Single(logger.Entries).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Target_prefixes_ignore_case_in_lists_and_target_keys()
    {
        using var files = new SettingsFiles();
        files.Write("appsettings.json", """
            { "Flags": { "b.flag": { "Allow": "Tenant:acme", "Targets": { "GROUP:beta": "on", "Tenant:bigcorp": "kill" } } } }
            """);
        var configuration = new ConfigurationBuilder().AddJsonFile(files, "appsettings.json", optional: false, reloadOnChange: false).Build();
        var logger = new ListLogger();
        var flag = new FlagEngine(Manifest, configuration, new FlagOptions { Logger = logger, EnvironmentVariables = false }).BoolAccessor("b.flag");

        Assert.True(flag.IsEnabledFor(new FlagContext { TargetingKey = "bob", Tenant = "acme" }));
        Assert.False(flag.IsEnabledFor(new FlagContext { TargetingKey = "Tenant:acme" }));
        Assert.True(flag.IsEnabledFor(new FlagContext { TargetingKey = "carol", Groups = new[] { "beta" } }));
        Assert.Equal(FlagReason.Killed, flag.Evaluate(new FlagContext { TargetingKey = "dave", Tenant = "bigcorp" }).Reason);
        Assert.Empty(logger.Entries);
    }
}
