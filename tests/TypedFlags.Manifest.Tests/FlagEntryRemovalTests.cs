using System.Linq;
using TypedFlags.Manifest.Editing;
using TypedFlags.Manifest.Parsing;
using Xunit;

namespace TypedFlags.Manifest.Tests;

/// <summary>Deleting one flag's entry from flags.yaml text: every other byte stays, and the result still parses.</summary>
public sealed class FlagEntryRemovalTests
{
    private const string Manifest = """
        # yaml-language-server: $schema=../flags.schema.json
        version: 1
        flags:
          # Banner for beta users
          beta.banner:
            description: Beta banner

          old.search:
            description: Old search
            # paused at half
            rollout: 50
            targeting:
              allow: [alice]

          # Checkout
          new.checkout:
            description: New checkout
        phases:
          stable: [production]
        """;

    [Fact]
    public void A_middle_entry_goes_with_its_nested_fields_and_comments_and_one_blank_line_stays()
    {
        var removed = Remove(Manifest, "old.search");

        Assert.Equal(
            """
            # yaml-language-server: $schema=../flags.schema.json
            version: 1
            flags:
              # Banner for beta users
              beta.banner:
                description: Beta banner

              # Checkout
              new.checkout:
                description: New checkout
            phases:
              stable: [production]
            """,
            removed);
        AssertParses(removed, "beta.banner", "new.checkout");
    }

    [Fact]
    public void The_first_entry_takes_its_comment_and_the_blank_line_below()
    {
        var removed = Remove(Manifest, "beta.banner");

        Assert.StartsWith(
            """
            flags:
              old.search:
            """,
            removed.Substring(removed.IndexOf("flags:", System.StringComparison.Ordinal)));
        AssertParses(removed, "old.search", "new.checkout");
    }

    [Fact]
    public void The_last_entry_before_a_top_level_field_goes_and_the_next_field_stays()
    {
        var removed = Remove(Manifest, "new.checkout");

        Assert.Contains("      allow: [alice]\n\nphases:\n  stable: [production]", removed);
        AssertParses(removed, "beta.banner", "old.search");
    }

    [Fact]
    public void Removing_the_only_flag_leaves_an_empty_mapping_not_null()
    {
        var text = "version: 1\nflags:   # every flag\n  only.flag:\n    description: The only one\n";

        var removed = Remove(text, "only.flag");

        Assert.Equal("version: 1\nflags: {}   # every flag\n", removed);
        AssertParses(removed);
    }

    [Fact]
    public void Crlf_line_endings_and_a_last_line_without_newline_are_kept()
    {
        var text = "version: 1\r\nflags:\r\n  a.flag:\r\n    description: A\r\n  b.flag:\r\n    description: B";

        Assert.Equal("version: 1\r\nflags:\r\n  a.flag:\r\n    description: A\r\n", Remove(text, "b.flag"));
        Assert.Equal("version: 1\r\nflags:\r\n  b.flag:\r\n    description: B", Remove(text, "a.flag"));
    }

    [Theory]
    [InlineData("version: 1\nflags: { a.flag: { description: A }, b.flag: { description: B } }\n", "b.flag")]
    [InlineData("version: 1\nflags:\n  a.flag: { description: A }\n", "description")]
    public void A_key_that_does_not_start_its_line_is_not_removed(string text, string key)
    {
        Assert.Null(FlagEntryRemoval.Remove(text, text.IndexOf(key, System.StringComparison.Ordinal)));
    }

    private static string Remove(string text, string key)
    {
        var located = ManifestParser.Parse(text).Locations.Single(location => location.Key == key);
        return FlagEntryRemoval.Remove(text, located.Span.Start) ?? throw new Xunit.Sdk.XunitException("not removed");
    }

    private static void AssertParses(string text, params string[] keys)
    {
        var parsed = ManifestParser.Parse(text);
        Assert.False(parsed.HasErrors, string.Join("\n", parsed.Diagnostics.Select(d => d.ToString())));
        Assert.Equal(keys, parsed.Model!.Flags.Select(flag => flag.Key).ToArray());
    }
}
