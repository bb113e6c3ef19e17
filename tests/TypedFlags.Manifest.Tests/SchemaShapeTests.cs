using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using TypedFlags.Manifest.Naming;
using TypedFlags.Manifest.Parsing;
using TypedFlags.Manifest.Tests.Infrastructure;
using Xunit;

namespace TypedFlags.Manifest.Tests;

/// <summary>
/// flags.schema.json read as data: its field names, enums and patterns must be the parser's, and it must
/// be usable in editors (a description on every property, an absolute $id). No validator needed.
/// </summary>
public sealed class SchemaShapeTests
{
    private static readonly JsonElement Schema = JsonDocument.Parse(File.ReadAllText(RepositoryPaths.Schema)).RootElement;

    private static JsonElement Definition(string name) => Schema.GetProperty("definitions").GetProperty(name);

    [Fact]
    public void Schema_declares_draft_07_and_an_absolute_id()
    {
        Assert.Equal("http://json-schema.org/draft-07/schema#", Schema.GetProperty("$schema").GetString());
        Assert.True(Uri.TryCreate(Schema.GetProperty("$id").GetString(), UriKind.Absolute, out var id));
        Assert.Equal("https", id!.Scheme);
        Assert.EndsWith("/flags.schema.json", id.AbsolutePath, StringComparison.Ordinal);
    }

    [Fact]
    public void Top_level_fields_are_exactly_ManifestFields_TopLevel()
    {
        Assert.Equal(Sorted(ManifestFields.TopLevel), PropertyNames(Schema));
        Assert.Equal(new[] { "flags", "version" }, Sorted(Schema.GetProperty("required").EnumerateArray().Select(e => e.GetString()!)));
        Assert.False(Schema.GetProperty("additionalProperties").GetBoolean());
    }

    [Fact]
    public void Flag_fields_are_exactly_ManifestFields_Flag()
    {
        var flag = Definition("flag");
        Assert.Equal(Sorted(ManifestFields.Flag), PropertyNames(flag));
        Assert.False(flag.GetProperty("additionalProperties").GetBoolean());
        Assert.Equal(new[] { "description" }, flag.GetProperty("required").EnumerateArray().Select(e => e.GetString()!));
    }

    [Fact]
    public void Targeting_schedule_step_and_lifetimes_fields_are_exactly_ManifestFields()
    {
        Assert.Equal(Sorted(ManifestFields.Targeting), PropertyNames(Definition("targeting")));
        Assert.Equal(Sorted(ManifestFields.ScheduleStep), PropertyNames(Definition("scheduleStep")));
        Assert.Equal(Sorted(ManifestFields.Lifetimes), PropertyNames(Schema.GetProperty("properties").GetProperty("lifetimes")));
        Assert.Equal(Sorted(ManifestFields.ScheduleStep), Sorted(Definition("scheduleStep").GetProperty("required").EnumerateArray().Select(e => e.GetString()!)));
    }

    [Fact]
    public void Enumerations_are_exactly_ManifestFields()
    {
        var flag = Definition("flag").GetProperty("properties");
        Assert.Equal(ManifestFields.Types, Enum(flag.GetProperty("type")));
        Assert.Equal(ManifestFields.Kinds, Enum(flag.GetProperty("kind")));
        Assert.Equal(ManifestFields.BucketBy, Enum(flag.GetProperty("bucket_by")));
        Assert.Equal(ManifestFields.Bucketing, Enum(Schema.GetProperty("properties").GetProperty("bucketing")));
    }

    [Fact]
    public void Every_property_has_a_description_for_editor_hover_text()
    {
        var missing = new List<string>();
        Walk(Schema, "#", missing);

        Assert.True(missing.Count == 0, "Properties without a description: " + string.Join(", ", missing));
    }

    [Fact]
    public void Keyword_lists_are_exactly_the_parsers_CSharp_keywords()
    {
        var reserved = (HashSet<string>)typeof(FlagNaming).Assembly
            .GetType("TypedFlags.Manifest.Naming.CSharpKeywords", throwOnError: true)!
            .GetField("Reserved", BindingFlags.NonPublic | BindingFlags.Static)!
            .GetValue(null)!;
        var properties = Schema.GetProperty("properties");
        var classKeywords = Keywords(properties.GetProperty("class").GetProperty("not").GetProperty("pattern").GetString()!);
        var namespaceKeywords = Keywords(properties.GetProperty("namespace").GetProperty("not").GetProperty("pattern").GetString()!);

        Assert.Equal(Sorted(reserved), classKeywords);
        Assert.Equal(Sorted(reserved), namespaceKeywords);
    }

    [Fact]
    public void Key_pattern_is_the_key_grammar()
    {
        var pattern = Pattern(Definition("flagKey"));
        foreach (var candidate in Strings("aZ09._-: é", maxLength: 5).Concat(new[] { "invoices.write", "sessionPersistence.phase2.enhancedStorage", "personas_v2", "v0.templates" }))
        {
            Assert.True(FlagNaming.IsValidKey(candidate) == pattern.IsMatch(candidate), $"'{candidate}': parser {FlagNaming.IsValidKey(candidate)}, schema {pattern.IsMatch(candidate)}");
        }
    }

    [Fact]
    public void Identifier_namespace_and_environment_variable_patterns_are_the_parsers()
    {
        var properties = Schema.GetProperty("properties");
        var identifier = properties.GetProperty("class");
        var ns = properties.GetProperty("namespace");
        var env = Pattern(Definition("flag").GetProperty("properties").GetProperty("env"));
        var prefix = Pattern(properties.GetProperty("env_prefix"));
        var candidates = Strings("aZ0_.-", maxLength: 4)
            .Concat(new[] { "class", "Class", "event", "Contoso.Billing", "Contoso.event", "Contoso..Billing", "Contoso.Billing.", "@class", "Flags", "_" });
        foreach (var candidate in candidates)
        {
            Assert.True(FlagNaming.IsValidIdentifier(candidate) == Matches(identifier, candidate), $"class '{candidate}'");
            Assert.True(FlagNaming.IsValidNamespace(candidate) == Matches(ns, candidate), $"namespace '{candidate}'");
            Assert.True(FlagNaming.IsValidEnvVar(candidate) == env.IsMatch(candidate), $"env '{candidate}'");
            Assert.True(FlagNaming.IsValidEnvVar(candidate, allowEmpty: true) == prefix.IsMatch(candidate), $"env_prefix '{candidate}'");
        }
    }

    [Fact]
    public void Config_section_pattern_is_the_parsers_rule()
    {
        var pattern = Pattern(Schema.GetProperty("properties").GetProperty("config_section"));
        foreach (var candidate in Strings("a:", maxLength: 5).Concat(new[] { "Features:Billing", "Flags" }))
        {
            var parsed = ManifestParser.Parse($"version: 1\nconfig_section: '{candidate}'\nflags:\n");
            Assert.True(parsed.Diagnostics.IsEmpty == pattern.IsMatch(candidate), $"'{candidate}': {string.Join("; ", parsed.Diagnostics)}");
        }
    }

    [Fact]
    public void Duration_pattern_is_TemporalText_TryParseDays_for_every_number_of_one_to_five_digits()
    {
        var pattern = Pattern(Definition("duration"));
        for (var digits = 1; digits <= 5; digits++)
        {
            var count = (int)Math.Pow(10, digits);
            for (var n = 0; n < count; n++)
            {
                var number = n.ToString("D" + digits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
                foreach (var unit in new[] { "d", "w" })
                {
                    var text = number + unit;
                    if (TemporalText.TryParseDays(text, out _) != pattern.IsMatch(text))
                    {
                        Assert.Fail($"'{text}': parser {TemporalText.TryParseDays(text, out _)}, schema {pattern.IsMatch(text)}");
                    }
                }
            }
        }

        foreach (var text in new[] { "", "d", "30", "30D", "1m", "-1d", "123456d", " 30d", "30 d", "never" })
        {
            Assert.False(pattern.IsMatch(text), text);
            Assert.False(TemporalText.TryParseDays(text, out _), text);
        }
    }

    [Fact]
    public void Date_pattern_is_TemporalText_TryParseDate_including_month_lengths_and_leap_years()
    {
        var pattern = Pattern(Definition("date"));
        var years = new[] { 0, 1, 4, 100, 400, 1900, 1996, 2000, 2023, 2024, 2026, 2100, 2400, 9996, 9999 };
        foreach (var year in years)
        {
            for (var month = 0; month <= 13; month++)
            {
                for (var day = 0; day <= 32; day++)
                {
                    var text = $"{year:D4}-{month:D2}-{day:D2}";
                    Assert.True(TemporalText.TryParseDate(text, out _) == pattern.IsMatch(text), $"'{text}': parser {TemporalText.TryParseDate(text, out _)}, schema {pattern.IsMatch(text)}");
                }
            }
        }

        foreach (var text in new[] { "2026-1-01", "26-01-01", "2026/01/01", "2026-01-01T00:00Z", " 2026-01-01", "20260101" })
        {
            Assert.False(pattern.IsMatch(text), text);
            Assert.False(TemporalText.TryParseDate(text, out _), text);
        }
    }

    [Fact]
    public void Instant_pattern_is_TemporalText_TryParseInstant_for_times_and_offsets()
    {
        var pattern = Pattern(Definition("instant"));
        var times = new[] { "", "T00:00Z", "T23:59:59Z", "T24:00Z", "T12:60Z", "T12:30:60Z", "T9:00Z", "T09:00", "T09:00:00", "t09:00z", "T09:00z" };
        var offsets = new[] { "+00:00", "-00:00", "+01:00", "-05:30", "+13:59", "+14:00", "-14:00", "+14:01", "+15:00", "+05:60", "+0100", "+1:00" };
        var candidates = new List<string>();
        foreach (var date in new[] { "2026-12-01", "2024-02-29", "2026-02-29" })
        {
            candidates.AddRange(times.Select(t => date + t));
            candidates.AddRange(offsets.Select(o => date + "T10:15" + o));
            candidates.AddRange(offsets.Select(o => date + "T10:15:30" + o));
        }

        foreach (var text in candidates)
        {
            Assert.True(TemporalText.TryParseInstant(text, out _) == pattern.IsMatch(text), $"'{text}': parser {TemporalText.TryParseInstant(text, out _)}, schema {pattern.IsMatch(text)}");
        }
    }

    private static void Walk(JsonElement schema, string path, List<string> missing)
    {
        if (schema.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        foreach (var member in schema.EnumerateObject())
        {
            switch (member.Name)
            {
                case "properties":
                    foreach (var property in member.Value.EnumerateObject())
                    {
                        // Conditional branches (if/then/else) narrow a property already described where it is declared.
                        var conditional = path.Contains("/if", StringComparison.Ordinal) || path.Contains("/then", StringComparison.Ordinal) || path.Contains("/else", StringComparison.Ordinal);
                        if (!conditional && !(property.Value.ValueKind == JsonValueKind.Object && property.Value.TryGetProperty("description", out _)))
                        {
                            missing.Add(path + "/properties/" + property.Name);
                        }

                        Walk(property.Value, path + "/properties/" + property.Name, missing);
                    }

                    break;
                case "definitions":
                    foreach (var definition in member.Value.EnumerateObject())
                    {
                        Walk(definition.Value, path + "/definitions/" + definition.Name, missing);
                    }

                    break;
                case "allOf" or "anyOf" or "oneOf":
                    var index = 0;
                    foreach (var item in member.Value.EnumerateArray())
                    {
                        Walk(item, $"{path}/{member.Name}/{index++}", missing);
                    }

                    break;
                case "if" or "then" or "else" or "not" or "items" or "additionalProperties" or "propertyNames":
                    Walk(member.Value, path + "/" + member.Name, missing);
                    break;
            }
        }
    }

    private static string[] PropertyNames(JsonElement schema) => Sorted(schema.GetProperty("properties").EnumerateObject().Select(p => p.Name));

    private static string[] Enum(JsonElement schema) => schema.GetProperty("enum").EnumerateArray().Select(e => e.GetString()!).ToArray();

    private static string[] Sorted(IEnumerable<string> names) => names.OrderBy(n => n, StringComparer.Ordinal).ToArray();

    private static string[] Keywords(string pattern)
    {
        // (?:^|\.)(?:abstract|as|...)(?:\.|$) or ^(?:abstract|as|...)$
        var alternation = Regex.Match(pattern, @"\(\?:([a-z|]+)\)").Groups[1].Value;
        return Sorted(alternation.Split('|'));
    }

    private static Regex Pattern(JsonElement schema) => new(schema.GetProperty("pattern").GetString()!, RegexOptions.CultureInvariant);

    /// <summary>A string schema with <c>pattern</c> and an optional <c>not: { pattern }</c>.</summary>
    private static bool Matches(JsonElement schema, string text) =>
        Pattern(schema).IsMatch(text) && !(schema.TryGetProperty("not", out var not) && Pattern(not).IsMatch(text));

    /// <summary>Every string over <paramref name="alphabet"/> up to <paramref name="maxLength"/> characters.</summary>
    private static IEnumerable<string> Strings(string alphabet, int maxLength)
    {
        var current = new List<string> { string.Empty };
        yield return string.Empty;
        for (var length = 1; length <= maxLength; length++)
        {
            var next = new List<string>(current.Count * alphabet.Length);
            foreach (var prefix in current)
            {
                foreach (var c in alphabet)
                {
                    var text = prefix + c;
                    next.Add(text);
                    yield return text;
                }
            }

            current = next;
        }
    }
}
