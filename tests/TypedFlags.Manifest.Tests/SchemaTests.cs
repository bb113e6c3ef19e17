using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using Json.Schema;
using TypedFlags.Manifest.Parsing;
using TypedFlags.Manifest.Tests.Infrastructure;
using Xunit;

namespace TypedFlags.Manifest.Tests;

/// <summary>
/// flags.schema.json through a real JSON Schema validator (JsonSchema.Net, with YamlDotNet and the YAML 1.2 core
/// schema reading the YAML, as editors do): it must accept exactly what the parser accepts, as far as JSON Schema
/// can say it.
/// </summary>
public sealed class SchemaTests : IClassFixture<SchemaValidation>
{
    private readonly SchemaValidation _schema;

    public SchemaTests(SchemaValidation schema)
    {
        _schema = schema;
    }

    [Fact]
    public void Schema_is_a_valid_draft_07_schema_without_unknown_keywords()
    {
        var text = File.ReadAllText(RepositoryPaths.Schema);
        using var schema = JsonDocument.Parse(text);

        var meta = MetaSchemas.Draft7.Evaluate(schema.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        Assert.True(meta.IsValid, string.Join("; ", (meta.Details ?? new()).Where(d => d.Errors is not null).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation} {e.Value}"))));
        SchemaValidation.Build(text);

        // The strict build is what catches a misspelt keyword, which validators otherwise ignore in silence.
        var typo = Assert.Throws<JsonSchemaException>(() => SchemaValidation.Build(text.Replace("\"pattern\":", "\"patern\":", StringComparison.Ordinal)));
        Assert.Contains("patern", typo.Message, StringComparison.Ordinal);
    }

    public static TheoryData<string> ValidFixtures() => new(ManifestFixture.ValidNames());

    public static TheoryData<string> InvalidFixtures() => new(ManifestFixture.InvalidNames());

    [Theory]
    [MemberData(nameof(ValidFixtures))]
    public void Valid_fixture_passes_the_schema(string name)
    {
        var result = _schema.For(Path.Combine(RepositoryPaths.ValidFixtures, name));

        Assert.True(result.Valid, $"{name}: {result}");
    }

    [Fact]
    public void Every_sample_passes_the_schema_and_the_parser()
    {
        foreach (var sample in RepositoryPaths.SampleManifests)
        {
            var result = _schema.For(sample);
            Assert.True(result.Valid, $"{sample}: {result}");
            var parsed = ManifestParser.ParseBytes(File.ReadAllBytes(sample));
            Assert.True(parsed.Diagnostics.IsEmpty, $"{sample}: {string.Join("\n", parsed.Diagnostics)}");
        }
    }

    [Theory]
    [MemberData(nameof(InvalidFixtures))]
    public void Invalid_fixture_gets_the_schema_verdict_its_header_states(string name)
    {
        var fixture = ManifestFixture.Invalid(name);
        var result = _schema.For(fixture.Path);

        Assert.True(fixture.SchemaAccepts is not null, $"{name} has no '# schema: accept|reject' line");
        Assert.True(
            result.Valid == fixture.SchemaAccepts,
            $"{name} says '# schema: {(fixture.SchemaAccepts == true ? "accept" : "reject")}', but the schema found it {result}");
    }

    [Fact]
    public void Schema_accepts_what_the_parser_accepts_on_thousands_of_generated_documents()
    {
        var disagreements = new List<string>();
        for (var i = 0; i < _schema.Corpus.Count; i++)
        {
            var text = _schema.Corpus[i];
            var parsed = ManifestParser.Parse(text);
            var schema = _schema.ForText(text);
            var ids = parsed.Diagnostics.Select(d => d.Id).Distinct().ToArray();
            var parserOnly = ids.Length > 0 && ids.All(id => AgreementCorpus.ParserOnlyIds.Contains(id));
            if (parserOnly || schema.Valid == (ids.Length == 0))
            {
                continue;
            }

            disagreements.Add(
                $"--- case {i}: parser {(ids.Length == 0 ? "accepts" : "rejects (" + string.Join("; ", parsed.Diagnostics.Select(d => d.ToString())) + ")")}, schema {schema}\n{text}");
        }

        Assert.True(_schema.Corpus.Count > 5_000, "the corpus is unexpectedly small");
        Assert.True(disagreements.Count == 0, $"{disagreements.Count} disagreements; the first ones:\n" + string.Join("\n", disagreements.Take(15)));
    }

    [Fact]
    public void Known_differences_between_the_schema_and_the_parser_are_exactly_the_documented_ones()
    {
        var report = new StringBuilder();
        for (var i = 0; i < AgreementCorpus.KnownDifferences.Length; i++)
        {
            var known = AgreementCorpus.KnownDifferences[i];
            var parsed = ManifestParser.Parse(known.Yaml);
            var schema = _schema.ForText(known.Yaml);
            var parserIds = string.Join(",", parsed.Diagnostics.Select(d => d.Id));
            if (parserIds != (known.ParserId ?? string.Empty) || schema.Valid != known.SchemaValid)
            {
                report.AppendLine($"{known.Why}: expected parser '{known.ParserId}' and schema {(known.SchemaValid ? "valid" : "invalid")}, got parser '{parserIds}' and schema {schema}");
            }

            // A difference, by definition: one side accepts, the other rejects.
            Assert.NotEqual(known.ParserId is null, known.SchemaValid);
        }

        Assert.True(report.Length == 0, "If a difference went away, remove it here and from docs/flags-yaml.md:\n" + report);
    }
}
