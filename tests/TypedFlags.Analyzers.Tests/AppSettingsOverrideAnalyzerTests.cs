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
        var project = Overrides();
        project.AddAppSettings("appsettings.json", """
            {
              // comments and trailing commas are fine, as in Microsoft.Extensions.Configuration.Json
              "Logging": { "LogLevel": { "Default": "Information" } },
              "Flags": {
                {|#2:"beta.baner"|}: true,
                "search.limit": {|#3:"ten"|},
                "pricing.rate": 0.25,
                "layout": "COMPACT",
                "greeting": 42,
              },
            }
            """);
        project.AddAppSettings("appsettings.Production.json", """
            {
              "flags": {
                "Beta.Banner": { "Rollout": {|#0:"150%"|}, "Allow": ["alice"] },
                "layout": { "State": "kill" },
                "search.limit": { "Value": 10, "Expires": {|#1:"tomorrow"|} }
              }
            }
            """);

        Expect(project, "TF2002", 0, "'Flags:Beta.Banner:Rollout': '150%' is not valid for bool flag 'beta.banner': expected a percentage from 0 to 100 with at most three decimals and '.' as the decimal point (25, 0.1%)");
        Expect(project, "TF2002", 1, "'Flags:search.limit:Expires': 'tomorrow' is not valid for int flag 'search.limit': expected a date (2026-12-31, through the end of that day UTC) or an ISO 8601 date-time (2026-12-31T18:00:00Z)");
        Expect(project, "TF2001", 2, "'Flags:beta.baner' overrides a flag that flags.yaml does not declare; did you mean 'beta.banner'?");
        Expect(project, "TF2002", 3, "'Flags:search.limit': 'ten' is not valid for int flag 'search.limit': expected a 32-bit integer (invariant culture)");

        await project.RunAsync();
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
        var project = Overrides();
        project.AddAppSettings("appsettings.json", "{ \"Flags\": { " + entry + " } }");

        await project.RunAsync();
    }

    [Theory]
    [InlineData("\"beta.banner\": {|#0:\"maybe\"|}", "'Flags:beta.banner': 'maybe' is not valid for bool flag 'beta.banner': expected true, false, 1, 0, on, off, yes, no, enabled, disabled, shadow, kill, or a rollout like 25% or 0.1%")]
    [InlineData("\"beta.banner\": {|#0:[true]|}", "'Flags:beta.banner': an array is not valid for bool flag 'beta.banner': expected a value, or an object with Value, State, Rollout, Allow, Deny, Targets, Expires")]
    [InlineData("\"beta.banner\": { {|#0:\"Rolout\"|}: 5 }", "'Flags:beta.banner:Rolout': field 'Rolout' is not valid for bool flag 'beta.banner': expected one of the fields Value, State, Rollout, Allow, Deny, Targets, Expires")]
    [InlineData("\"beta.banner\": { \"Targets\": { \"bob\": {|#0:\"50%\"|} } }", "'Flags:beta.banner:Targets:bob': '50%' is not valid for bool flag 'beta.banner': expected a value or kill; a rollout does not apply to a single target")]
    [InlineData("\"search.limit\": { {|#0:\"Rollout\"|}: 5 }", "'Flags:search.limit:Rollout': field 'Rollout' is not valid for int flag 'search.limit': expected Value, State, Targets or Expires: Rollout, Allow and Deny apply to bool flags only")]
    [InlineData("\"search.limit\": { \"State\": {|#0:\"off\"|} }", "'Flags:search.limit:State': 'off' is not valid for int flag 'search.limit': expected kill (or killed), active")]
    [InlineData("\"pricing.rate\": {|#0:\"NaN\"|}", "'Flags:pricing.rate': 'NaN' is not valid for double flag 'pricing.rate': expected a number (invariant culture, '.' as decimal separator)")]
    [InlineData("\"layout\": {|#0:\"wide\"|}", "'Flags:layout': 'wide' is not valid for variant flag 'layout': expected one of classic, compact (case-insensitive)")]
    [InlineData("\"beta.banner\": { \"Targets\": [ {|#0:{ \"Value\": true }|} ] }", "'Flags:beta.banner:Targets:0': an entry without Target is not valid for bool flag 'beta.banner': expected { Target, Value, State, Expires } with a Target")]
    public async Task Values_the_runtime_rejects_are_TF2002(string entry, string message)
    {
        // Before the framework this checked one TF2xxx containing ": <shown> is not valid"; now the span and the
        // whole message are exact.
        var project = Overrides();
        project.AddAppSettings("appsettings.json", "{ \"Flags\": { " + entry + " } }");
        Expect(project, "TF2002", 0, message);

        await project.RunAsync();
    }

    [Fact]
    public async Task Other_json_files_and_other_sections_are_not_checked()
    {
        var project = Overrides();
        project.AddAppSettings("settings.json", "{ \"Flags\": { \"nope\": true } }");
        project.AddAppSettings("appsettings.json", "{ \"Other\": { \"Flags\": { \"nope\": true } }, \"FlagsX\": { \"nope\": 1 } }");

        await project.RunAsync();
    }

    [Fact]
    public async Task A_key_set_twice_is_TF2002_where_the_configuration_provider_would_stop_the_app()
    {
        const string Json = """
            {
              "Flags": {
                "beta.banner": true,
                "search.limit": { "Value": 10 },
                {|#0:"BETA.banner"|}: false,
                "search.limit": { {|#1:"Value"|}: 20, "Expires": "2026-12-31" },
                "layout": { "Value": "classic" }
              },
              "flags": { "layout": { "State": "active" } }
            }
            """;
        var project = Overrides();
        project.AddAppSettings("appsettings.json", Json);
        Expect(project, "TF2002", 0, "'Flags:BETA.banner': a second value is not valid for bool flag 'beta.banner': expected the key once (the JSON configuration provider stops the app at startup with a FormatException on a duplicate key)");
        Expect(project, "TF2002", 1, "'Flags:search.limit:Value': a second value is not valid for int flag 'search.limit': expected the key once (the JSON configuration provider stops the app at startup with a FormatException on a duplicate key)");

        await project.RunAsync();

        // What the analyzer says is what Microsoft.Extensions.Configuration.Json does; merged objects are fine.
        var error = Assert.Throws<System.IO.InvalidDataException>(() => Load(MarkupFree(Json)));
        Assert.Equal("A duplicate key 'Flags:BETA.banner' was found.", Assert.IsType<System.FormatException>(error.InnerException).Message);
        Assert.Equal("active", Load("""{ "Flags": { "layout": { "Value": "classic" } }, "flags": { "layout": { "State": "active" } } }""")["Flags:layout:State"]);
    }

    /// <summary>The project with TF2001/TF2002 reported and every other TypedFlags id configured off.</summary>
    private static AnalyzerVerifierTest Overrides()
    {
        var project = new AnalyzerVerifierTest(Manifest, "public static class Empty { }");
        project.ReportOnly.AddRange(new[] { "TF2001", "TF2002" });
        return project;
    }

    private static void Expect(AnalyzerVerifierTest project, string id, int location, string message) =>
        project.ExpectedDiagnostics.Add(ConsumerSetup.Expect(id, location, message));

    /// <summary>The JSON without the framework's location markup, as the configuration provider reads it.</summary>
    private static string MarkupFree(string json) => System.Text.RegularExpressions.Regex.Replace(json, @"\{\|#\d+:(.*?)\|\}", "$1");

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
