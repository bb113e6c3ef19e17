using System.Threading.Tasks;
using Microsoft.Extensions.Configuration;
using TypedFlags.Analyzers.Tests.Infrastructure;
using Xunit;

namespace TypedFlags.Analyzers.Tests;

public sealed class AppSettingsOverrideAnalyzerTests
{
    private const string Manifest = """
        version: 1
        flags:
          beta.banner:
            description: Beta banner
          search.limit:
            description: Result limit
            type: int
          pricing.rate:
            description: Rate
            type: double
          layout:
            description: Layout
            type: variant
            variants: [classic, compact]
          greeting:
            description: Text
            type: string
        """;

    [Fact]
    public async Task Undeclared_keys_and_invalid_values_are_reported_at_their_json_line_and_column()
    {
        var project = new ConsumerProject(Manifest, "public static class Empty { }");
        project.AppSettings["appsettings.json"] = """
            {
              // comments and trailing commas are fine, as in Microsoft.Extensions.Configuration.Json
              "Logging": { "LogLevel": { "Default": "Information" } },
              "Flags": {
                "beta.baner": true,
                "search.limit": "ten",
                "pricing.rate": 0.25,
                "layout": "COMPACT",
                "greeting": 42,
              },
            }
            """;
        project.AppSettings["appsettings.Production.json"] = """
            {
              "flags": {
                "Beta.Banner": { "Rollout": "150%", "Allow": ["alice"] },
                "layout": { "State": "kill" },
                "search.limit": { "Value": 10, "Expires": "tomorrow" }
              }
            }
            """;

        Assert.Equal(
            new[]
            {
                "TF2002 appsettings.Production.json(3,33): 'Flags:Beta.Banner:Rollout': '150%' is not valid for bool flag 'beta.banner': expected a percentage from 0 to 100 with at most three decimals and '.' as the decimal point (25, 0.1%)",
                "TF2002 appsettings.Production.json(5,47): 'Flags:search.limit:Expires': 'tomorrow' is not valid for int flag 'search.limit': expected a date (2026-12-31, through the end of that day UTC) or an ISO 8601 date-time (2026-12-31T18:00:00Z)",
                "TF2001 appsettings.json(5,5): 'Flags:beta.baner' overrides a flag that flags.yaml does not declare; did you mean 'beta.banner'?",
                "TF2002 appsettings.json(6,21): 'Flags:search.limit': 'ten' is not valid for int flag 'search.limit': expected a 32-bit integer (invariant culture)",
            },
            await project.DescribeAsync("TF2001", "TF2002"));
    }

    [Theory]
    [InlineData("\"beta.banner\": \"25%\"")]
    [InlineData("\"beta.banner\": \"shadow\"")]
    [InlineData("\"beta.banner\": \"Kill\"")]
    [InlineData("\"beta.banner\": \"\"")]
    [InlineData("\"beta.banner\": null")]
    [InlineData("\"beta.banner\": { \"Value\": false, \"Deny\": \"tenant:acme;bob\", \"Expires\": \"2026-12-31\" }")]
    [InlineData("\"beta.banner\": { \"Targets\": { \"tenant:acme\": \"on\", \"bob\": { \"Value\": \"off\", \"Expires\": \"2026-12-01T10:00:00Z\" } } }")]
    [InlineData("\"beta.banner\": { \"Targets\": [ { \"Target\": \"a:b\", \"State\": \"kill\" } ] }")]
    [InlineData("\"search.limit\": { \"State\": \"active\", \"Value\": \"-3\" }")]
    [InlineData("\"pricing.rate\": \"1e-3\"")]
    [InlineData("\"layout\": { \"Targets\": { \"group:beta\": \"compact\" } }")]
    [InlineData("\"greeting\": \"  spaced  \"")]
    public async Task Values_the_runtime_accepts_are_not_reported(string entry)
    {
        var project = new ConsumerProject(Manifest, "public static class Empty { }");
        project.AppSettings["appsettings.json"] = "{ \"Flags\": { " + entry + " } }";

        Assert.Empty(await project.DescribeAsync("TF2001", "TF2002"));
    }

    [Theory]
    [InlineData("\"beta.banner\": \"maybe\"", "'maybe'")]
    [InlineData("\"beta.banner\": [true]", "an array")]
    [InlineData("\"beta.banner\": { \"Rolout\": 5 }", "field 'Rolout'")]
    [InlineData("\"beta.banner\": { \"Targets\": { \"bob\": \"50%\" } }", "'50%'")]
    [InlineData("\"search.limit\": { \"Rollout\": 5 }", "field 'Rollout'")]
    [InlineData("\"search.limit\": { \"State\": \"off\" }", "'off'")]
    [InlineData("\"pricing.rate\": \"NaN\"", "'NaN'")]
    [InlineData("\"layout\": \"wide\"", "'wide'")]
    [InlineData("\"beta.banner\": { \"Targets\": [ { \"Value\": true } ] }", "an entry without Target")]
    public async Task Values_the_runtime_rejects_are_TF2002(string entry, string shown)
    {
        var project = new ConsumerProject(Manifest, "public static class Empty { }");
        project.AppSettings["appsettings.json"] = "{ \"Flags\": { " + entry + " } }";

        var reported = Assert.Single(await project.DiagnosticsAsync(), d => d.Id.StartsWith("TF2", System.StringComparison.Ordinal));
        Assert.Equal("TF2002", reported.Id);
        Assert.Contains(": " + shown + " is not valid", reported.GetMessage(System.Globalization.CultureInfo.InvariantCulture), System.StringComparison.Ordinal);
    }

    [Fact]
    public async Task Other_json_files_and_other_sections_are_not_checked()
    {
        var project = new ConsumerProject(Manifest, "public static class Empty { }");
        project.AppSettings["settings.json"] = "{ \"Flags\": { \"nope\": true } }";
        project.AppSettings["appsettings.json"] = "{ \"Other\": { \"Flags\": { \"nope\": true } }, \"FlagsX\": { \"nope\": 1 } }";

        Assert.Empty(await project.DescribeAsync("TF2001", "TF2002"));
    }

    [Fact]
    public async Task A_key_set_twice_is_TF2002_where_the_configuration_provider_would_stop_the_app()
    {
        const string Json = """
            {
              "Flags": {
                "beta.banner": true,
                "search.limit": { "Value": 10 },
                "BETA.banner": false,
                "search.limit": { "Value": 20, "Expires": "2026-12-31" },
                "layout": { "Value": "classic" }
              },
              "flags": { "layout": { "State": "active" } }
            }
            """;
        var project = new ConsumerProject(Manifest, "public static class Empty { }");
        project.AppSettings["appsettings.json"] = Json;

        Assert.Equal(
            new[]
            {
                "TF2002 appsettings.json(5,5): 'Flags:BETA.banner': a second value is not valid for bool flag 'beta.banner': expected the key once (the JSON configuration provider stops the app at startup with a FormatException on a duplicate key)",
                "TF2002 appsettings.json(6,23): 'Flags:search.limit:Value': a second value is not valid for int flag 'search.limit': expected the key once (the JSON configuration provider stops the app at startup with a FormatException on a duplicate key)",
            },
            await project.DescribeAsync("TF2001", "TF2002"));

        // What the analyzer says is what Microsoft.Extensions.Configuration.Json does; merged objects are fine.
        var error = Assert.Throws<System.IO.InvalidDataException>(() => Load(Json));
        Assert.Equal("A duplicate key 'Flags:BETA.banner' was found.", Assert.IsType<System.FormatException>(error.InnerException).Message);
        Assert.Equal("active", Load("""{ "Flags": { "layout": { "Value": "classic" } }, "flags": { "layout": { "State": "active" } } }""")["Flags:layout:State"]);
    }

    /// <summary>Loads <paramref name="json"/> the way an app loads appsettings.json: a file through AddJsonFile.</summary>
    private static IConfigurationRoot Load(string json)
    {
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "typedflags-" + System.Guid.NewGuid().ToString("N") + ".json");
        System.IO.File.WriteAllText(path, json);
        try
        {
            return new ConfigurationBuilder().AddJsonFile(path).Build();
        }
        finally
        {
            System.IO.File.Delete(path);
        }
    }
}
