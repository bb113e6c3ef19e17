using System.Collections.Generic;

namespace TypedFlags.Manifest.Tests.Infrastructure;

/// <summary>
/// Documents for checking that flags.schema.json accepts what the parser accepts: every value of
/// <see cref="Values"/> in every position of <see cref="Templates"/>. Values whose JSON reading loses what
/// the parser sees (5.0 for an int, hexadecimal percentages, .inf) are left out here and pinned down in
/// <see cref="KnownDifferences"/> instead.
/// </summary>
internal static class AgreementCorpus
{
    /// <summary>Diagnostics the schema cannot see: they need other flags, case-insensitive comparison or C# names.</summary>
    public static readonly string[] ParserOnlyIds = { "TF0004", "TF0008", "TF0009", "TF0010", "TF0012", "TF0013", "TF0017", "TF0019", "TF0020" };

    /// <summary>Documents on which the parser and the schema are known to disagree, and why (docs/flags-yaml.md lists them too).</summary>
    public static readonly KnownDifference[] KnownDifferences =
    {
        new("an int written as a float", Flag("    type: int\n    default: 5.0\n"), "TF0005", SchemaValid: true),
        new("an int in exponent notation", Flag("    type: int\n    default: 1e3\n"), "TF0005", SchemaValid: true),
        new("a hexadecimal percentage", Flag("    rollout: 0x10\n"), "TF0005", SchemaValid: true),
        new("an octal percentage", Flag("    rollout: 0o17\n"), "TF0005", SchemaValid: true),
        new("a hexadecimal double beyond 32 bits", Flag("    type: double\n    default: 0x80000000\n"), "TF0005", SchemaValid: true),
        new("version spelt 01", "version: 01\nflags:\n", "TF0014", SchemaValid: true),
        new("version spelt 0x1", "version: 0x1\nflags:\n", "TF0014", SchemaValid: true),
        new("version spelt 1.0", "version: 1.0\nflags:\n", "TF0005", SchemaValid: true),
        new("a flow list item ending in ':' (YamlDotNet reads [tenant:] as the string 'tenant:', YAML 1.2 as a one-pair mapping)", Head + "phases:\n  beta: [tenant:]\n" + OneFlag, null, SchemaValid: false),
        new("an infinite number as metadata", Flag("    metadata: { limit: .inf }\n"), null, SchemaValid: false),
        new("not-a-number as a targeting key", Flag("    targeting: { allow: [.nan] }\n"), null, SchemaValid: false),
    };

    /// <summary>
    /// Whole documents beyond the grid of <see cref="Values"/> and <see cref="Templates"/>. Many more than three
    /// decimals was a known difference under ajv, whose multipleOf needs a floating-point tolerance; JsonSchema.Net
    /// computes multipleOf in decimal and rejects it, as the parser does (TF0006). Editors may still accept it.
    /// </summary>
    private static readonly string[] Documents =
    {
        Flag("    rollout: 10.0000000000001\n"),
    };

    private const string Head = "version: 1\n";
    private const string OneFlag = "flags:\n  a.b:\n    description: x\n";

    private static readonly string[] Values =
    {
        "true", "false", "True", "FALSE", "yes", "no", "on", "shadow", "\"shadow\"", "Shadow",
        "0", "1", "-1", "-0", "5", "100", "0.1", "0.001", "0.0005", "99.999", "100.001", "12.3456", "101", "-5",
        "2147483647", "2147483648", "-2147483648", "-2147483649", "\"5\"",
        "\"\"", "''", "~", "null", "NULL", "", "abc", "\"abc\"", "a b", "é",
        "2026-01-01", "2026-02-29", "2024-02-29", "2000-02-29", "1900-02-29", "0000-01-01", "2026-13-01", "2026-04-31", "2026-1-1",
        "\"2026-01-01\"", "2026-01-01T10:00Z", "2026-12-01T10:00:00+14:00", "2026-12-01T10:00:00+14:01", "2026-12-01T24:00Z",
        "2026-12-01T10:00", "2026-12-01t10:00z", "\"30d\\n\"", "\"2026-01-01\\n\"",
        "30d", "6w", "0d", "36525d", "36526d", "5217w", "5218w", "00030d", "99999d", "never", "Never", "30days", "30", "1m",
        "[]", "[a]", "[a, b]", "[a, a]", "[a, A]", "[a, \"\"]", "[a, ~]", "[1, true]", "[\"group:\"]",
        "[tenant:acme, group:x, \"u1\"]", "[invoices.write]", "[a..b]", "[[a]]",
        "{}", "{a: 1}", "{a: x}", "{a: ~}", "{\"\": 1}", "{null: 1}", "{A: 1, a: 2}", "{a: [1]}", "{a.b: 1}", "{2a: 1}",
        "tenant:", "\"tenant:\"", "group:x", "invoices.write", "Invoices.Write", "a..b", "2fa", "\"a:b\"", "_x", "X_1", "x-1",
        "class", "Class", "Contoso.Billing", "Contoso.class", "Contoso..B", "_", "user", "tenant", "typedflags", "microsoft",
        "release", "kill-switch", "bool", "int", "variant", "a:b", ":a", "a::b", "Flags:Sub",
        "|\n      multi\n", ">-\n      folded\n", "!!str 12", "!!str true", "beta", "Beta", "b", "FOO_BAR", "1FOO", "FOO-BAR",
    };

    private static readonly (string Name, string Fields)[] Types =
    {
        ("implicit bool", ""),
        ("bool", "    type: bool\n"),
        ("int", "    type: int\n"),
        ("double", "    type: double\n"),
        ("string", "    type: string\n"),
        ("variant", "    type: variant\n    variants: [a, b]\n"),
        ("invalid type", "    type: boolean\n"),
    };

    /// <summary>Positions for a value; <c>@V</c> stands for the value.</summary>
    private static IEnumerable<string> Templates()
    {
        yield return "version: @V\nflags:\n";
        foreach (var field in new[] { "namespace", "class", "env_prefix", "config_section", "bucketing", "stale_after", "lifetimes", "phases" })
        {
            yield return Head + field + ": @V\n" + OneFlag;
        }

        yield return Head + "flags: @V\n";
        yield return Head + "lifetimes:\n  release: @V\n" + OneFlag;
        yield return Head + "phases:\n  beta: @V\n" + OneFlag;
        yield return Head + "flags:\n  a.b: @V\n";
        yield return Head + "flags:\n  @V:\n    description: x\n";
        yield return Head + OneFlag + "    requires: [@V]\n  @V:\n    description: y\n";

        foreach (var (_, fields) in Types)
        {
            yield return Flag(fields + "    default: @V\n");
            yield return Flag(fields + "    environments:\n      development: @V\n");
        }

        foreach (var (name, fields) in new[] { Types[0], Types[2], Types[5] })
        {
            foreach (var field in new[] { "phase", "rollout", "bucket_by", "targeting", "schedule", "split", "variants" })
            {
                if (!(field == "variants" && name == "variant"))
                {
                    yield return Flag(fields + "    " + field + ": @V\n");
                }
            }
        }

        foreach (var field in new[] { "description", "type", "env", "owner", "kind", "created", "expires", "launched", "requires", "environments", "metadata" })
        {
            yield return Flag("    " + field + ": @V\n");
        }

        yield return Flag("    targeting:\n      allow: [@V]\n");
        yield return Flag("    targeting:\n      deny:\n        - @V\n");
        yield return Flag("    targeting: { allow: @V }\n");
        yield return Flag("    schedule:\n      - at: @V\n        rollout: 5\n");
        yield return Flag("    schedule:\n      - at: 2026-01-01\n        rollout: @V\n");
        yield return Flag("    schedule:\n      - @V\n");
        yield return Flag("    metadata:\n      jira: @V\n");
        yield return Flag("    type: variant\n    variants: [@V]\n");
        yield return Flag("    type: variant\n    variants: [a, @V]\n    default: a\n");
        yield return Flag("    type: variant\n    variants: [a, b]\n    split:\n      a: @V\n");
    }

    public static IEnumerable<string> Cases()
    {
        foreach (var value in Values)
        {
            foreach (var template in Templates())
            {
                yield return template.Replace("@V", value);
            }
        }

        foreach (var document in Documents)
        {
            yield return document;
        }
    }

    private static string Flag(string fields) => Head + OneFlag + fields;
}

/// <summary>A document on which the parser and the schema disagree because JSON cannot carry the difference.</summary>
/// <param name="Why">What the document shows.</param>
/// <param name="Yaml">The document.</param>
/// <param name="ParserId">The parser's diagnostic, or null when the parser accepts the document.</param>
/// <param name="SchemaValid">The schema's verdict.</param>
internal sealed record KnownDifference(string Why, string Yaml, string? ParserId, bool SchemaValid);
