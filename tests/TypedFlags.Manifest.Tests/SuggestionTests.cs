using TypedFlags.Manifest.Naming;
using TypedFlags.Manifest.Parsing;
using Xunit;

namespace TypedFlags.Manifest.Tests;

/// <summary>"Did you mean" suggestions (unknown fields, phases, prerequisites, variants and enum values).</summary>
public sealed class SuggestionTests
{
    [Theory]
    [InlineData("descripton", "description")]
    [InlineData("rolout", "rollout")]
    [InlineData("bucketby", "bucket_by")]
    [InlineData("Default", "default")]
    [InlineData("requirs", "requires")]
    [InlineData("enviroments", "environments")]
    public void Misspelt_flag_fields_suggest_the_intended_field(string typo, string field)
    {
        Assert.Equal(field, Suggestions.Closest(typo, ManifestFields.Flag));
        Assert.Equal($"; did you mean '{field}'?", Suggestions.DidYouMean(typo, ManifestFields.Flag));
    }

    [Theory]
    [InlineData("color")]
    [InlineData("x")]
    [InlineData("temporary")]
    public void Unrelated_names_suggest_nothing(string input)
    {
        Assert.Null(Suggestions.Closest(input, ManifestFields.Flag));
        Assert.Equal(string.Empty, Suggestions.DidYouMean(input, ManifestFields.Flag));
    }

    [Fact]
    public void Ties_go_to_the_ordinal_first_candidate()
    {
        Assert.Equal("ab", Suggestions.Closest("a", new[] { "ac", "ab" }));
    }

    [Theory]
    [InlineData("kitten", "sitting", 3)]
    [InlineData("", "abc", 3)]
    [InlineData("abc", "", 3)]
    [InlineData("Invoices.Write", "invoices.write", 0)]
    [InlineData("previw", "preview", 1)]
    public void Distance_is_case_insensitive_levenshtein(string a, string b, int distance)
    {
        Assert.Equal(distance, Suggestions.Distance(a, b));
        Assert.Equal(distance, Suggestions.Distance(b, a));
    }

    [Fact]
    public void Suggestion_reaches_the_diagnostic_message()
    {
        var result = ManifestParser.Parse("version: 1\nflags:\n  a.b:\n    description: x\n    kind: killswitch\n    phase: bta\n");

        Assert.Collection(
            result.Diagnostics,
            d => Assert.Equal("Invalid value 'killswitch' (a string) for 'kind': expected one of release, experiment, operational, kill-switch, permission; did you mean 'kill-switch'?", d.Message),
            d => Assert.EndsWith("did you mean 'beta'?", d.Message, System.StringComparison.Ordinal));
    }
}
