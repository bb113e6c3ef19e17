using System.Linq;
using System.Text;
using TypedFlags.Manifest.Tests.Infrastructure;
using Xunit;

namespace TypedFlags.Manifest.Tests;

/// <summary>
/// How the schema tests read YAML (<see cref="YamlToJson"/>): the YAML 1.2 core schema, as editors do, written
/// independently of the parser's scalar rules. If this reading drifted, the schema tests would compare the schema
/// with something other than what an editor validates.
/// </summary>
public sealed class SchemaYamlReadingTests
{
    [Theory]
    [InlineData("a: yes", """{"a":"yes"}""")]
    [InlineData("a: [true, True, TRUE, false, tRUE]", """{"a":[true,true,true,false,"tRUE"]}""")]
    [InlineData("a: [~, null, Null, NULL, nULL, '']", """{"a":[null,null,null,null,"nULL",""]}""")]
    [InlineData("a:", """{"a":null}""")]
    [InlineData("a: [1, -0, +5, 0o17, 0x1F, 2147483648, 0o8]", """{"a":[1,0,5,15,31,2147483648,"0o8"]}""")]
    [InlineData("a: [1.0, 1e3, .5, -1.25, 1., 1_000]", """{"a":[1,1000,0.5,-1.25,1,"1_000"]}""")]
    [InlineData("a: ['1', \"true\", !!str 12, !!str true]", """{"a":["1","true","12","true"]}""")]
    [InlineData("a: |\n  1\nb: >-\n  true", """{"a":"1\n","b":"true"}""")]
    [InlineData("a: 2026-01-01", """{"a":"2026-01-01"}""")]
    [InlineData("null: 1\ntrue: 2\n1: 3\n.inf: 4\n'x': 5", """{"null":1,"true":2,"1":3,".inf":4,"x":5}""")]
    [InlineData("base: &b {x: 1}\nderived:\n  <<: *b\n  y: 2", """{"base":{"x":1},"derived":{"<<":{"x":1},"y":2}}""")]
    [InlineData("a: [tenant:, tenant:acme, \"group:\"]", """{"a":[{"tenant":null},"tenant:acme","group:"]}""")]
    [InlineData("# only a comment\n", "null")]
    public void Reads_the_YAML_1_2_core_schema(string yaml, string json)
    {
        var (data, error) = YamlToJson.Convert(Encoding.UTF8.GetBytes(yaml));

        Assert.Null(error);
        Assert.Equal(json, data!.Value.GetRawText());
    }

    [Theory]
    [InlineData("a: 1\na: 2", "Duplicate key")]
    [InlineData("a: 1\n'a': 2", "Duplicate key")]
    [InlineData("? [a]\n: 1", "a mapping key must be a scalar")]
    [InlineData("a: .inf", "non-finite")]
    [InlineData("a: [.nan]", "non-finite")]
    [InlineData("--- 1\n--- 2", "more than one document")]
    [InlineData("a: !!int x", "is not a tag:yaml.org,2002:int")]
    [InlineData("a: *nowhere", "YAML:")]
    [InlineData("a: [b", "YAML:")]
    public void Rejects_what_has_no_single_JSON_reading(string yaml, string message)
    {
        var (data, error) = YamlToJson.Convert(Encoding.UTF8.GetBytes(yaml));

        Assert.Null(data);
        Assert.Contains(message, error, System.StringComparison.Ordinal);
    }

    [Fact]
    public void Rejects_invalid_UTF_8_and_an_alias_bomb()
    {
        Assert.Contains("not valid UTF-8", YamlToJson.Convert(new byte[] { (byte)'a', (byte)':', (byte)' ', 0xC3, 0x28 }).Error, System.StringComparison.Ordinal);

        // Nine levels of ten aliases each: a billion values once expanded.
        var bomb = new StringBuilder("l0: &l0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (var level = 1; level <= 9; level++)
        {
            bomb.Append($"l{level}: &l{level} [{string.Join(", ", Enumerable.Repeat($"*l{level - 1}", 10))}]\n");
        }

        Assert.Contains("aliases expand to more than", YamlToJson.Convert(Encoding.UTF8.GetBytes(bomb.ToString())).Error, System.StringComparison.Ordinal);
    }
}
