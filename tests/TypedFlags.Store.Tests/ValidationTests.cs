using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using TypedFlags.Store.Tests.Infrastructure;
using TypedFlags.Tests.Infrastructure;
using Xunit;

namespace TypedFlags.Store.Tests;

/// <summary>
/// <see cref="FlagStoreValidation"/>: one check for every writer, in the words of TF2001 and TF2002, and the same verdict
/// as the running app gives the same object in configuration.
/// </summary>
public sealed class ValidationTests
{
    private static readonly FlagManifest Manifest = StoreFlags.Manifest;

    [Fact]
    public void An_undeclared_key_is_refused_in_TF2001_words_with_the_closest_key()
    {
        var result = FlagStoreValidation.Validate(Manifest, FlagStoreWrite.Set("checkout.nwe", new FlagOverride { Value = "on" }, "ops", "test"));

        Assert.NotNull(result);
        Assert.Equal(FlagStoreWriteStatus.Rejected, result!.Status);
        Assert.Equal("Key", result.Field);
        Assert.Equal("'checkout.nwe' overrides a flag that flags.yaml does not declare; did you mean 'checkout.new'?", result.Message);
    }

    [Fact]
    public void A_key_in_another_case_is_not_the_declared_key()
    {
        var result = FlagStoreValidation.Validate(Manifest, FlagStoreWrite.Set("Checkout.New", new FlagOverride { Value = "on" }, "ops", "test"));

        Assert.Equal("Key", result?.Field);
        Assert.Contains("did you mean 'checkout.new'?", result!.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("checkout.new", "maybe", "'checkout.new:Value': 'maybe' is not valid for bool flag 'checkout.new': expected true, false, 1, 0, on, off, yes, no, enabled, disabled, shadow, kill, or a rollout like 25% or 0.1%")]
    [InlineData("search.limit", "ten", "'search.limit:Value': 'ten' is not valid for int flag 'search.limit': expected a 32-bit integer (invariant culture)")]
    [InlineData("layout", "wide", "'layout:Value': 'wide' is not valid for variant flag 'layout': expected ")]
    public void A_bad_value_is_refused_in_TF2002_words(string key, string value, string expected)
    {
        var result = FlagStoreValidation.Validate(Manifest, FlagStoreWrite.Set(key, new FlagOverride { Value = value }, "ops", "test"));

        Assert.Equal("Value", result?.Field);
        Assert.StartsWith(expected, result!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_target_expiry_names_the_target_entry()
    {
        var result = FlagStoreValidation.Validate(
            Manifest,
            FlagStoreWrite.Set("checkout.new", new FlagOverride { Targets = new[] { new FlagTargetOverride("alice", "on", "next tuesday") } }, "ops", "test"));

        Assert.Equal("Targets:0:Expires", result?.Field);
        Assert.StartsWith("'checkout.new:Targets:0:Expires': 'next tuesday' is not valid for bool flag 'checkout.new'", result!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_field_that_does_not_apply_is_refused_rather_than_stored_unused()
    {
        var result = FlagStoreValidation.Validate(Manifest, FlagStoreWrite.Set("search.limit", new FlagOverride { Value = "5", Allow = new[] { "alice" } }, "ops", "test"));

        Assert.Equal("Allow", result?.Field);
        Assert.Equal(FlagStoreWriteStatus.Rejected, result!.Status);
    }

    [Theory]
    [InlineData("", "why", "Actor")]
    [InlineData("ops", " ", "Reason")]
    public void Actor_and_reason_are_required(string actor, string reason, string field)
    {
        var result = FlagStoreValidation.Validate(Manifest, FlagStoreWrite.Set("checkout.new", new FlagOverride { Value = "on" }, actor, reason));

        Assert.Equal(field, result?.Field);
    }

    [Fact]
    public void An_override_that_sets_nothing_is_refused_and_a_removal_is_fine()
    {
        Assert.Equal("Override", FlagStoreValidation.Validate(Manifest, FlagStoreWrite.Set("checkout.new", new FlagOverride(), "ops", "test"))?.Field);
        Assert.Equal("Override", FlagStoreValidation.Validate(Manifest, FlagStoreWrite.Set("checkout.new", new FlagOverride { Expires = "2027-01-01" }, "ops", "test"))?.Field);
        Assert.Null(FlagStoreValidation.Validate(Manifest, FlagStoreWrite.Remove("checkout.new", "ops", "test")));
    }

    public static IEnumerable<object[]> AgreementCases() => new[]
    {
        new object[] { "checkout.new", new FlagOverride { Value = "on" } },
        new object[] { "checkout.new", new FlagOverride { Value = "25%" } },
        new object[] { "checkout.new", new FlagOverride { Rollout = "0.1" } },
        new object[] { "checkout.new", new FlagOverride { Rollout = "0,5%" } },
        new object[] { "checkout.new", new FlagOverride { State = "kill", Value = "on" } },
        new object[] { "checkout.new", new FlagOverride { State = "kill", Value = "kill" } },
        new object[] { "checkout.new", new FlagOverride { Allow = new[] { "tenant:" } } },
        new object[] { "checkout.new", new FlagOverride { Deny = new[] { "group:beta", "mallory" } } },
        new object[] { "checkout.new", new FlagOverride { Targets = new[] { new FlagTargetOverride("alice", "25%") } } },
        new object[] { "checkout.new", new FlagOverride { Targets = new[] { new FlagTargetOverride("alice", "shadow", "2026-12-31") } } },
        new object[] { "search.limit", new FlagOverride { Value = "1e3" } },
        new object[] { "search.limit", new FlagOverride { Value = "-7", Expires = "2026-13-01" } },
        new object[] { "banner.text", new FlagOverride { Value = "  spaced  " } },
        new object[] { "layout", new FlagOverride { Value = "COMPACT" } },
        new object[] { "layout", new FlagOverride { Value = "wide" } },
    };

    /// <summary>The store accepts exactly what the running app applies from configuration without a warning.</summary>
    [Theory]
    [MemberData(nameof(AgreementCases))]
    public void The_store_and_configuration_agree(string key, FlagOverride value)
    {
        var storeAccepts = FlagStoreValidation.Validate(Manifest, FlagStoreWrite.Set(key, value, "ops", "test")) is null;

        var data = new Dictionary<string, string?>();
        var prefix = "Flags:" + key + ":";
        Add(data, prefix + "Value", value.Value);
        Add(data, prefix + "State", value.State);
        Add(data, prefix + "Rollout", value.Rollout);
        Add(data, prefix + "Expires", value.Expires);
        for (var i = 0; i < (value.Allow?.Count ?? 0); i++)
        {
            data[prefix + "Allow:" + i] = value.Allow![i];
        }

        for (var i = 0; i < (value.Deny?.Count ?? 0); i++)
        {
            data[prefix + "Deny:" + i] = value.Deny![i];
        }

        for (var i = 0; i < (value.Targets?.Count ?? 0); i++)
        {
            data[prefix + "Targets:" + i + ":Target"] = value.Targets![i].Target;
            Add(data, prefix + "Targets:" + i + ":Value", value.Targets[i].Value);
            Add(data, prefix + "Targets:" + i + ":Expires", value.Targets[i].Expires);
        }

        var logs = new ListLogger();
        _ = new FlagEngine(Manifest, new ConfigurationBuilder().AddInMemoryCollection(data).Build(), new FlagOptions { EnvironmentVariables = false, Logger = logs });
        var configurationAccepts = !logs.Entries.Any(e => e.Level == LogLevel.Warning);

        Assert.Equal(configurationAccepts, storeAccepts);
    }

    private static void Add(Dictionary<string, string?> data, string key, string? value)
    {
        if (value is not null)
        {
            data[key] = value;
        }
    }
}
