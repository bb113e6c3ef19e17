using System;
using Xunit;

namespace TypedFlags.Store.Tests;

/// <summary>The canonical JSON of <see cref="FlagOverride"/>: what every backend stores.</summary>
public sealed class FlagOverrideJsonTests
{
    [Fact]
    public void Fields_are_written_in_a_fixed_order_without_unset_ones()
    {
        var value = new FlagOverride
        {
            Expires = "2027-01-31",
            Targets = new[] { new FlagTargetOverride("Alice", "on", "2026-12-31"), new FlagTargetOverride("urn:user:42", null) { State = "kill" } },
            Allow = new[] { "group:beta" },
            Value = "off",
        };

        Assert.Equal(
            "{\"Value\":\"off\",\"Allow\":[\"group:beta\"],\"Targets\":[{\"Target\":\"Alice\",\"Value\":\"on\",\"Expires\":\"2026-12-31\"},{\"Target\":\"urn:user:42\",\"State\":\"kill\"}],\"Expires\":\"2027-01-31\"}",
            value.ToJson());
    }

    [Fact]
    public void Reading_the_canonical_form_gives_an_equal_override()
    {
        var value = new FlagOverride
        {
            Value = "say \"hi\"\n\\ \u0001",
            State = "active",
            Rollout = "12.5%",
            Deny = new[] { "tenant:blocked", "mallory" },
            Targets = new[] { new FlagTargetOverride("tenant:acme", "shadow", "2026-12-31T18:00:00Z") },
        };

        var read = FlagOverride.FromJson(value.ToJson());

        Assert.Equal(value, read);
        Assert.Equal(value.ToJson(), read.ToJson());
        Assert.Equal(value.GetHashCode(), read.GetHashCode());
    }

    [Fact]
    public void Targets_may_be_written_as_the_configuration_map()
    {
        var read = FlagOverride.FromJson("{ \"Targets\": { \"bob\": \"on\", \"tenant:acme\": { \"Value\": \"off\", \"Expires\": \"2026-12-31\" } } }");

        Assert.Equal("{\"Targets\":[{\"Target\":\"bob\",\"Value\":\"on\"},{\"Target\":\"tenant:acme\",\"Value\":\"off\",\"Expires\":\"2026-12-31\"}]}", read.ToJson());
    }

    [Theory]
    [InlineData("[]", "must be a JSON object")]
    [InlineData("{\"Colour\":\"red\"}", "'Colour' is not a field of a flag override")]
    [InlineData("{\"Value\":\"on\"", "'}' was expected")]
    [InlineData("{\"Value\":[\"on\"]}", "'Value' must be a string")]
    [InlineData("{\"Targets\":[{\"Value\":\"on\"}]}", "with a Target")]
    [InlineData("{\"Value\":\"on\",\"Value\":\"off\"}", "appears twice")]
    public void Text_that_is_not_an_override_is_refused_with_where_and_why(string json, string expected)
    {
        var error = Assert.Throws<FormatException>(() => FlagOverride.FromJson(json));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }
}
