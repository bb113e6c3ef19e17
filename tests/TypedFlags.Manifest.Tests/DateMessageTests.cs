using TypedFlags.Manifest.Parsing;
using Xunit;

namespace TypedFlags.Manifest.Tests;

/// <summary>TF0007 says what is wrong: the format, or a day that does not exist.</summary>
public sealed class DateMessageTests
{
    [Theory]
    [InlineData("2026-02-30", "a day that exists in the calendar")]
    [InlineData("30/01/2027", "a date written yyyy-MM-dd")]
    public void Invalid_dates_explain_themselves(string date, string expected)
    {
        var result = ManifestParser.Parse($"version: 1\nflags:\n  a.b:\n    description: A\n    created: {date}\n");

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal("TF0007", diagnostic.Id);
        Assert.Equal((5, 14), (diagnostic.Span.StartLine, diagnostic.Span.StartColumn));
        Assert.EndsWith("expected " + expected, diagnostic.Message);
    }
}
