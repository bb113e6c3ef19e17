using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Json.Schema;
using TypedFlags.Cli.Report;
using Xunit;

namespace TypedFlags.Cli.Tests.Report;

/// <summary>The JSON report against its own published schema, and round-tripped; the SARIF against the official SARIF 2.1.0 schema.</summary>
public sealed class ReportSchemaTests
{
    [Fact]
    public void The_json_report_is_valid_against_docs_schemas_report_schema_json()
    {
        var json = RunFixture("json");
        var schema = ReportSchema();

        var result = schema.Evaluate(JsonDocument.Parse(json).RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });

        Assert.True(result.IsValid, string.Join("\n", (result.Details ?? new List<EvaluationResults>()).Where(d => d.Errors is not null).SelectMany(d => d.Errors!.Select(e => d.InstanceLocation + ": " + e.Value))));
    }

    [Fact]
    public void The_schema_rejects_a_report_that_breaks_it()
    {
        // The schema is strict enough to matter: an unknown status and a missing field both fail.
        var node = JsonNode.Parse(RunFixture("json"))!;
        node["flags"]![0]!["status"] = new JsonArray("forgotten");
        node["summary"]!.AsObject().Remove("unused");
        Assert.False(ReportSchema().Evaluate(JsonDocument.Parse(node.ToJsonString()).RootElement).IsValid);
    }

    [Fact]
    public void The_json_report_round_trips_through_the_report_model()
    {
        var json = RunFixture("json");

        var report = JsonReport.Read(json)!;

        Assert.Equal(json, JsonReport.Write(report));
        Assert.Equal(8, report.Flags.Count);
        Assert.Equal(new[] { "unused" }, report.Flags.Single(f => f.Key == "search.typo_tolerance").Status);
    }

    [Fact]
    public async Task The_sarif_is_valid_against_the_official_sarif_2_1_0_schema()
    {
        var sarif = RunFixture("sarif");
        var schema = await NJsonSchema.JsonSchema.FromJsonAsync(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "sarif-schema-2.1.0.json")));

        var errors = schema.Validate(sarif);

        Assert.Empty(errors.Select(e => e.Path + ": " + e.Kind));

        // The validator bites: a result without a message and a wrong version are both errors.
        var broken = JsonNode.Parse(sarif)!;
        broken["version"] = "2.0.0";
        broken["runs"]![0]!["results"]![0]!.AsObject().Remove("message");
        Assert.True(schema.Validate(broken.ToJsonString()).Count >= 2);
    }

    [Fact]
    public async Task The_sarif_of_a_run_with_problems_is_valid_too()
    {
        using var directory = new TempDirectory();
        var root = FixtureRepository.CopyTo(directory);
        File.WriteAllBytes(Path.Combine(root, "src", "Contoso.Web", "Latin1.cs"), new byte[] { (byte)'/', (byte)'/', (byte)' ', 0xE9, (byte)'\n' });
        FixtureRepository.Write(root, "src/Contoso.Web/Broken.cs", "class Broken { void M( }\n");
        var sarif = CliRunner.Run("report", "--project", root, "--format", "sarif", "--today", "2026-12-01").Out;
        var schema = await NJsonSchema.JsonSchema.FromJsonAsync(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "sarif-schema-2.1.0.json")));

        Assert.Empty(schema.Validate(sarif).Select(e => e.Path + ": " + e.Kind));
        var notifications = JsonNode.Parse(sarif)!["runs"]![0]!["invocations"]![0]!["toolExecutionNotifications"]!.AsArray();
        Assert.Equal(2, notifications.Count);
    }

    [Fact]
    public void Every_sarif_rule_has_a_help_uri_to_an_existing_diagnostics_page()
    {
        var sarif = JsonNode.Parse(RunFixture("sarif"))!;
        var docs = Path.Combine(RepositoryRoot(), "docs", "diagnostics");

        foreach (var rule in sarif["runs"]![0]!["tool"]!["driver"]!["rules"]!.AsArray())
        {
            var uri = (string)rule!["helpUri"]!;
            Assert.StartsWith("https://", uri);
            Assert.True(File.Exists(Path.Combine(docs, uri.Substring(uri.LastIndexOf('/') + 1))), uri);
        }
    }

    [Fact]
    public void Every_sarif_result_has_a_location_and_a_fingerprint()
    {
        var results = JsonNode.Parse(RunFixture("sarif"))!["runs"]![0]!["results"]!.AsArray();

        Assert.Equal(9, results.Count);
        Assert.All(results, result =>
        {
            var location = result!["locations"]![0]!["physicalLocation"]!;
            Assert.DoesNotContain("\\", (string)location["artifactLocation"]!["uri"]!);
            Assert.True((int)location["region"]!["startLine"]! >= 1);
            Assert.NotNull(result["partialFingerprints"]![SarifReport.FingerprintKey]);
        });
        Assert.Equal(results.Count, results.Select(r => (string)r!["partialFingerprints"]![SarifReport.FingerprintKey]!).Distinct().Count());
    }

    /// <summary>
    /// docs/schemas/report.schema.json, built strictly: an unknown keyword (a typo such as <c>patern</c>, which a
    /// validator would otherwise ignore) throws, so the published schema means what it says.
    /// </summary>
    private static JsonSchema ReportSchema()
    {
        var strict = Dialect.Draft202012.With(Array.Empty<IKeywordHandler>(), id: MetaSchemas.Draft202012Id, allowUnknownKeywords: false);
        var dialects = new DialectRegistry();
        dialects.Register(strict);
        var text = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Schemas", "report.schema.json"));
        return JsonSchema.FromText(text, new BuildOptions { SchemaRegistry = new SchemaRegistry(), DialectRegistry = dialects });
    }

    internal static string RunFixture(string format)
    {
        using var directory = new TempDirectory();
        var root = FixtureRepository.CopyTo(directory);
        var result = CliRunner.Run("report", "--project", root, "--format", format, "--today", "2026-12-01");
        Assert.Equal(0, result.ExitCode);
        return result.Out;
    }

    internal static string RepositoryRoot([System.Runtime.CompilerServices.CallerFilePath] string path = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, "..", "..", ".."));
}
