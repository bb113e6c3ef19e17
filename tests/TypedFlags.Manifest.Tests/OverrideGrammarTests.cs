using System.Linq;
using TypedFlags.Manifest.Overrides;
using TypedFlags.Manifest.Parsing;
using Xunit;

namespace TypedFlags.Manifest.Tests;

/// <summary>
/// The rules the runtime and the build share for overrides: percentages (digits and a '.' only) and targeting
/// entries, which flags.yaml follows too.
/// </summary>
public sealed class OverrideGrammarTests
{
    [Theory]
    [InlineData("0", 0)]
    [InlineData("0.5", 500)]
    [InlineData("25", 25_000)]
    [InlineData(" 2.5 ", 2_500)]
    [InlineData("100", 100_000)]
    [InlineData("100.000", 100_000)]
    [InlineData("0.001", 1)]
    [InlineData("007", 7_000)]
    public void Plain_decimal_percentages_parse_to_thousandths(string text, int thousandths)
    {
        Assert.True(OverrideGrammar.TryParsePercent(text, out var parsed));
        Assert.Equal(thousandths, parsed);
    }

    [Theory]
    [InlineData("0,5")]
    [InlineData("2,5")]
    [InlineData("1,000")]
    [InlineData("5+")]
    [InlineData("+5")]
    [InlineData("-0")]
    [InlineData("(5)")]
    [InlineData("1e1")]
    [InlineData(".5")]
    [InlineData("5.")]
    [InlineData("")]
    [InlineData("100.001")]
    [InlineData("0.0001")]
    [InlineData("1 0")]
    [InlineData("٥")]
    [InlineData("99999999999999999999")]
    public void Anything_else_is_not_a_percentage(string text) => Assert.False(OverrideGrammar.TryParsePercent(text, out _));

    [Theory]
    [InlineData("alice", "alice")]
    [InlineData(" urn:user:42 ", "urn:user:42")]
    [InlineData("tenant:acme", "tenant:acme")]
    [InlineData("Tenant:acme", "tenant:acme")]
    [InlineData("GROUP: Beta", "group:Beta")]
    public void Target_entries_are_a_user_id_or_a_named_tenant_or_group(string entry, string normalized)
    {
        Assert.True(TargetGrammar.TryNormalize(entry, out var result));
        Assert.Equal(normalized, result);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    [InlineData("tenant:")]
    [InlineData("Tenant: ")]
    [InlineData("group:")]
    public void Empty_entries_and_prefixes_without_a_name_are_not_targets(string entry) => Assert.False(TargetGrammar.TryNormalize(entry, out _));

    [Fact]
    public void Flags_yaml_targeting_follows_the_same_rule()
    {
        var result = ManifestParser.Parse("""
            version: 1
            flags:
              b.flag:
                description: x
                targeting:
                  allow: [alice, "Tenant:acme", "tenant:"]
                  deny: ["GROUP:", "group:Beta"]
            """);

        Assert.Equal(new[] { "TF0005 6:37", "TF0005 7:14" }, result.Diagnostics.Select(d => $"{d.Id} {d.Span.StartLine}:{d.Span.StartColumn}"));

        var valid = ManifestParser.Parse("""
            version: 1
            flags:
              b.flag:
                description: x
                targeting:
                  allow: [alice, "Tenant:acme"]
                  deny: ["GROUP: Beta"]
            """);
        Assert.Empty(valid.Diagnostics);
        var flag = Assert.Single(valid.Model!.Flags);
        Assert.Equal(new[] { "alice", "tenant:acme" }, flag.Allow);
        Assert.Equal(new[] { "group:Beta" }, flag.Deny);
    }
}
