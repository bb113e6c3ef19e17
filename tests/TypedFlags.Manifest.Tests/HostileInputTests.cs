using System;
using System.Linq;
using System.Text;
using System.Threading;
using TypedFlags.Manifest.Parsing;
using Xunit;

namespace TypedFlags.Manifest.Tests;

/// <summary>
/// Input built to hurt a YAML parser, or just broken, always ends in a located diagnostic or a correct
/// model, quickly. The 5-second bound is only a hang guard; each test asserts what the parser reports.
/// </summary>
[Collection(HangGuardCollection.Name)]
public sealed class HostileInputTests
{
    // Not a speed check (speed is measured in benchmarks/, never in unit tests): the parser's cost is bounded by its
    // node and depth budgets, which the assertions below check. This only turns a hang (an unbounded loop) into a
    // failure instead of a stuck test run, with room for a CI machine whose two cores are busy with other builds.
    private static readonly TimeSpan HangGuard = TimeSpan.FromMinutes(2);

    [Fact]
    public void Billion_laughs_anchors_that_nothing_reads_cost_nothing()
    {
        var text = new StringBuilder("version: 1\nlol0: &lol0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (var i = 1; i <= 9; i++)
        {
            text.Append($"lol{i}: &lol{i} [").Append(string.Join(", ", Enumerable.Repeat($"*lol{i - 1}", 10))).Append("]\n");
        }

        text.Append("flags:\n  a.b:\n    description: x\n");

        var result = HangGuarded(() => ManifestParser.Parse(text.ToString()));

        Assert.Equal(Enumerable.Range(2, 10).Select(line => $"TF0002 {line}:1"), result.Diagnostics.Select(d => $"{d.Id} {d.Span.StartLine}:{d.Span.StartColumn}"));
        Assert.Equal("a.b", Assert.Single(result.Model!.Flags).Key);
    }

    [Fact]
    public void Billion_laughs_where_a_list_is_read_reports_the_bad_items()
    {
        var text = new StringBuilder("version: 1\nflags:\n  a.b:\n    description: x\n    metadata:\n      lol0: &lol0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (var i = 1; i <= 9; i++)
        {
            text.Append($"      lol{i}: &lol{i} [").Append(string.Join(", ", Enumerable.Repeat($"*lol{i - 1}", 10))).Append("]\n");
        }

        text.Append("    targeting:\n      allow: *lol9\n");

        var result = HangGuarded(() => ManifestParser.Parse(text.ToString()));

        // Ten metadata values that are lists, and the ten items of allow (lists too, each reported where it is written).
        Assert.Equal(20, result.Diagnostics.Count);
        Assert.All(result.Diagnostics, d => Assert.Equal("TF0005", d.Id));
        Assert.Empty(result.Model!.Flags);
    }

    [Fact]
    public void Aliases_multiplied_through_flags_and_lists_hit_the_node_budget()
    {
        // 3,000 flags alias one flag whose allow list aliases 2,000 names: 6 million reads from 40 KB.
        var result = HangGuarded(() => ManifestParser.Parse(Amplified("x")));

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal("TF0021", diagnostic.Id);
        Assert.Contains("5,000,000 nodes", diagnostic.Message, StringComparison.Ordinal);
        Assert.Null(result.Model);
    }

    [Fact]
    public void An_aliased_bad_value_stops_after_the_diagnostic_limit()
    {
        // Each of the 6 million reads is an error: without a limit that is millions of diagnostics and gigabytes.
        var result = HangGuarded(() => ManifestParser.Parse(Amplified("[x]")));

        Assert.Equal(ParseLimits.MaxDiagnostics + 1, result.Diagnostics.Count);
        Assert.All(result.Diagnostics.Take(ParseLimits.MaxDiagnostics), d => Assert.Equal("TF0005", d.Id));
        Assert.Equal("TF0021", result.Diagnostics[ParseLimits.MaxDiagnostics].Id);
        Assert.Contains("1,000 problems", result.Diagnostics[ParseLimits.MaxDiagnostics].Message, StringComparison.Ordinal);
        Assert.Null(result.Model);
    }

    [Fact]
    public void Ten_thousand_nested_flow_lists_stop_at_the_first_list_too_deep()
    {
        var text = "version: 1\nflags: " + new string('[', 10_000) + new string(']', 10_000) + "\n";

        var result = HangGuarded(() => ManifestParser.Parse(text));

        // The document is level 1 and flags' list level 2, so the 64th '[' (column 7 + 64) is level 65.
        AssertSingle(result, "TF0021", 2, 71);
        Assert.Null(result.Model);
    }

    [Fact]
    public void Ten_thousand_nested_block_lists_stop_at_the_first_list_too_deep()
    {
        var text = "version: 1\nflags:\n  " + string.Concat(Enumerable.Repeat("- ", 10_000)) + "x\n";

        var result = HangGuarded(() => ManifestParser.Parse(text));

        AssertSingle(result, "TF0021", 3, 3 + (2 * 63));
    }

    [Fact]
    public void Deeply_indented_block_mappings_stop_at_the_first_mapping_too_deep()
    {
        var text = new StringBuilder("version: 1\nflags:\n");
        for (var i = 1; i <= 100; i++)
        {
            text.Append(' ', i).Append('k').Append(i).Append(":\n");
        }

        var result = HangGuarded(() => ManifestParser.Parse(text.ToString()));

        // The mapping that starts on line n is level n - 1; level 65 starts on line 66, indented 64 spaces.
        AssertSingle(result, "TF0021", 66, 65);
    }

    [Fact]
    public void A_ten_megabyte_file_is_refused_before_parsing()
    {
        var text = "version: 1\nflags:\n" + string.Concat(Enumerable.Repeat("  # padding padding padding padding padding padding padding padding padding\n", 140_000));
        Assert.True(text.Length > 10_000_000);

        var result = HangGuarded(() => ManifestParser.Parse(text));

        var diagnostic = AssertSingle(result, "TF0021", 1, 1);
        Assert.Contains("8,388,608", diagnostic.Message, StringComparison.Ordinal);
        Assert.Null(result.Model);
    }

    [Fact]
    public void Five_thousand_fully_described_flags_parse()
    {
        var text = new StringBuilder("version: 1\nflags:\n");
        for (var i = 0; i < 5_000; i++)
        {
            text.Append("  area").Append(i).Append(".feature:\n")
                .Append("    description: Flag number ").Append(i).Append(" of a very large file\n")
                .Append("    phase: beta\n    rollout: 12.5\n    owner: team-").Append(i % 40).Append('\n')
                .Append("    created: 2026-01-01\n    expires: 2027-01-01\n")
                .Append("    targeting: { allow: [alice, \"tenant:acme\"], deny: [\"group:blocked\"] }\n")
                .Append("    environments: { development: true, staging: shadow }\n")
                .Append("    schedule:\n      - { at: 2026-02-01, rollout: 25 }\n      - { at: 2026-03-01, rollout: 100 }\n")
                .Append("    metadata: { jira: AREA-").Append(i).Append(" }\n");
        }

        var result = HangGuarded(() => ManifestParser.Parse(text.ToString()));

        Assert.True(result.Diagnostics.IsEmpty, string.Join("\n", result.Diagnostics.Take(5)));
        Assert.Equal(5_000, result.Model!.Flags.Count);
        Assert.Equal("Area4999Feature", result.Model.Flags[4_999].AccessorName);
    }

    [Theory]
    [InlineData("version: 1\nflags:\n  a.b:\n    description: caf\u00e9 @\n", 4, 23, 47, 48)]
    [InlineData("\uFEFFver@sion: 1\n", 1, 4, 4, 6)]
    [InlineData("version: 1\n# \U0001F600@\n", 2, 5, 15, 17)]
    [InlineData("version: 1\r\nflags:\r\n^(\r\n", 3, 1, 20, 20)]
    public void Invalid_utf8_is_TF0022_at_the_bad_byte(string template, int line, int column, int start, int byteOffset)
    {
        // '@' stands for the byte 0xFF (never valid), '^' for 0xC3 (a lead byte without its continuation).
        // Columns and Start count UTF-16 characters, as editors do; the message gives the byte offset.
        var bytes = Encoding.UTF8.GetBytes(template).Select(b => b switch { (byte)'@' => (byte)0xFF, (byte)'^' => (byte)0xC3, _ => b }).ToArray();

        var result = HangGuarded(() => ManifestParser.ParseBytes(bytes));

        var diagnostic = AssertSingle(result, "TF0022", line, column);
        Assert.Equal(start, diagnostic.Span.Start);
        Assert.Equal(1, diagnostic.Span.Length);
        Assert.Equal((line, column + 1), (diagnostic.Span.EndLine, diagnostic.Span.EndColumn));
        Assert.Equal($"invalid byte 0x{bytes[byteOffset]:X2} at offset {byteOffset}", Assert.Single(diagnostic.Arguments));
        Assert.Null(result.Model);
    }

    [Theory]
    [InlineData(new byte[] { 0x61, 0x3A, 0x20, 0xC0, 0xAF }, 4)]
    [InlineData(new byte[] { 0x61, 0x3A, 0x20, 0xED, 0xA0, 0x80 }, 4)]
    [InlineData(new byte[] { 0x61, 0x3A, 0x20, 0xE2, 0x82 }, 4)]
    [InlineData(new byte[] { 0x61, 0x3A, 0x20, 0x80 }, 4)]
    [InlineData(new byte[] { 0x61, 0x3A, 0x20, 0xF5, 0x80, 0x80, 0x80 }, 4)]
    public void Overlong_surrogate_truncated_and_stray_bytes_are_invalid_utf8(byte[] bytes, int column)
    {
        AssertSingle(ManifestParser.ParseBytes(bytes), "TF0022", 1, column);
    }

    [Theory]
    [InlineData("version: 1\nflags:\n  a.b:\n    description: caf\uFFFD\n", 4, 21, 45)]
    [InlineData("\uFEFFversion: 1\r\n# \uFFFD\r\n", 2, 3, 15)]
    public void A_replacement_character_in_decoded_text_is_TF0022_at_it(string text, int line, int column, int start)
    {
        // What the compiler hands the generator for bytes that are not UTF-8: the same rule as ParseBytes, located at the U+FFFD.
        var diagnostic = AssertSingle(HangGuarded(() => ManifestParser.ParseDecoded(text)), "TF0022", line, column);

        Assert.Equal(start, diagnostic.Span.Start);
        Assert.Equal("flags.yaml is not valid UTF-8: the compiler could not decode the bytes here and read them as U+FFFD; save the file as UTF-8", diagnostic.Message);
    }

    [Theory]
    [InlineData(new byte[] { 0x76, 0x65, 0x72, 0x73, 0x69, 0x6F, 0x6E, 0x3A, 0x20, 0x31, 0x0A, 0x23, 0x20, 0x43, 0x61, 0x66, 0xE9, 0x20, 0x0A })]
    [InlineData(new byte[] { 0xEF, 0xBB, 0xBF, 0x61, 0x3A, 0x20, 0xC3, 0x0D, 0x0A })]
    [InlineData(new byte[] { 0x61, 0x3A, 0x0D, 0x0A, 0x20, 0x20, 0x62, 0x3A, 0x20, 0xF0, 0x9F, 0x98, 0x80, 0xFF })]
    public void Bytes_and_the_text_a_compiler_decodes_from_them_report_TF0022_at_the_same_place(byte[] bytes)
    {
        // The CLI reads bytes; the build reads what the compiler decoded (UTF-8 with U+FFFD for bad bytes). One rule, both sides.
        var decoded = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false).GetString(bytes);

        var fromBytes = Assert.Single(ManifestParser.ParseBytes(bytes).Diagnostics);
        var fromText = Assert.Single(ManifestParser.ParseDecoded(decoded).Diagnostics);

        Assert.Equal(("TF0022", fromBytes.Span), (fromText.Id, fromText.Span));
        Assert.Equal("TF0022", fromBytes.Id);
    }

    [Fact]
    public void The_TF0022_page_example_is_reported_where_the_page_says()
    {
        var bytes = Encoding.Latin1.GetBytes("version: 1\nflags:\n  search:\n    description: Caf\u00e9 search\n");

        Assert.Equal(
            "flags.yaml(4,21): error TF0022: flags.yaml is not valid UTF-8: invalid byte 0xE9 at offset 48; save the file as UTF-8",
            AssertSingle(ManifestParser.ParseBytes(bytes), "TF0022", 4, 21).Format("flags.yaml"));
        Assert.Equal(
            "flags.yaml(4,21): error TF0022: flags.yaml is not valid UTF-8: the compiler could not decode the bytes here and read them as U+FFFD; save the file as UTF-8",
            AssertSingle(ManifestParser.ParseDecoded(new UTF8Encoding(false, false).GetString(bytes)), "TF0022", 4, 21).Format("flags.yaml"));
    }

    [Fact]
    public void Decoded_text_without_a_replacement_character_parses_like_Parse()
    {
        const string text = "version: 1\nflags:\n  a.b:\n    description: \"caf\u00e9 \\uFFFD\"\n";

        Assert.Equal(ManifestParser.Parse(text), ManifestParser.ParseDecoded(text));
        Assert.Equal("caf\u00e9 \uFFFD", ManifestParser.ParseDecoded(text).Model!.Flags[0].Description);
    }

    [Theory]
    [InlineData("version: 1\nflags:\n  a.b:\n    description: x\n    phase: *nope\n", 5, 12, "nope")]
    [InlineData("version: 1\nflags:\n  a.b:\n    description: *d\n  c.d:\n    description: &d shared\n", 4, 18, "d")]
    public void An_alias_to_an_anchor_not_defined_before_it_is_TF0001_at_the_alias(string text, int line, int column, string anchor)
    {
        var diagnostic = AssertSingle(HangGuarded(() => ManifestParser.Parse(text)), "TF0001", line, column);

        Assert.Equal($"The alias '*{anchor}' refers to an anchor '&{anchor}' that is not defined before it; define the anchor first, or write the value instead of the alias.", diagnostic.Message);
    }

    [Fact]
    public void An_alias_to_an_anchor_defined_before_it_still_works()
    {
        var result = ManifestParser.Parse("version: 1\nflags:\n  a.b:\n    description: &d shared\n  c.d:\n    description: *d\n");

        Assert.True(result.Diagnostics.IsEmpty, string.Join("\n", result.Diagnostics));
        Assert.Equal("shared", result.Model!.Flags[1].Description);
    }

    [Fact]
    public void A_tab_used_as_indentation_is_reported_at_the_tab()
    {
        AssertSingle(ManifestParser.Parse("version: 1\nflags:\n\tinvoices.write:\n    description: x\n"), "TF0001", 3, 1);
        AssertSingle(ManifestParser.Parse("version: 1\nflags:\n  a.b:\n    description: x\n  \towner: y\n"), "TF0001", 5, 3);
        AssertSingle(ManifestParser.Parse("version: 1\r\nflags:\r\n  a.b:\r\n\tdescription: x\r\n"), "TF0001", 4, 1);
    }

    [Fact]
    public void Tabs_that_are_not_indentation_are_fine()
    {
        var result = ManifestParser.Parse("version: 1\nflags:\n  a.b:\n    description:\tTabs\tinside\n    owner: x\t# comment after a tab\n");

        Assert.True(result.Diagnostics.IsEmpty, string.Join("\n", result.Diagnostics));
        Assert.Equal("Tabs\tinside", result.Model!.Flags[0].Description);
    }

    [Fact]
    public void A_byte_order_mark_is_not_a_column_but_counts_in_offsets()
    {
        var text = "\uFEFFversion: 2\nflags:\n";
        var fromText = ManifestParser.Parse(text);
        var fromBytes = ManifestParser.ParseBytes(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(text.Substring(1))).ToArray());

        foreach (var result in new[] { fromText, fromBytes })
        {
            var diagnostic = AssertSingle(result, "TF0014", 1, 10);
            Assert.Equal(10, diagnostic.Span.Start);
        }

        Assert.Equal(ManifestParser.Parse("\uFEFFversion: 1\nflags:\n").Model, ManifestParser.Parse("version: 1\nflags:\n").Model);
    }

    [Fact]
    public void Crlf_line_endings_give_the_same_lines_and_columns_as_lf()
    {
        var lf = "version: 1\nstale_after: 30days\nflags:\n  a.b:\n    description: x\n    rollout: 150\n    kind: killswitch\n  2fa:\n    description: y\n";
        var crlf = lf.Replace("\n", "\r\n", StringComparison.Ordinal);

        var fromLf = ManifestParser.Parse(lf).Diagnostics;
        var fromCrlf = ManifestParser.Parse(crlf).Diagnostics;

        Assert.Equal(4, fromLf.Count);
        Assert.Equal(fromLf.Select(d => (d.Id, d.Span.StartLine, d.Span.StartColumn, d.Span.EndLine, d.Span.EndColumn)), fromCrlf.Select(d => (d.Id, d.Span.StartLine, d.Span.StartColumn, d.Span.EndLine, d.Span.EndColumn)));
        Assert.Equal(fromLf.Select(d => d.Span.Start + d.Span.StartLine - 1), fromCrlf.Select(d => d.Span.Start));
        Assert.All(fromCrlf, d => Assert.Equal(crlf.Split("\r\n")[d.Span.StartLine - 1][d.Span.StartColumn - 1], crlf[d.Span.Start]));
    }

    [Fact]
    public void Duplicate_keys_are_reported_at_the_second_one()
    {
        // The same key twice is invalid YAML; differing only in case is a TypedFlags rule that keeps the first.
        AssertSingle(ManifestParser.Parse("version: 1\nversion: 1\nflags:\n"), "TF0001", 2, 1);

        var caseOnly = ManifestParser.Parse("version: 1\nflags:\n  a.b:\n    description: x\n    environments: { Production: true, production: false }\n  A.B:\n    description: y\n");
        Assert.Equal(new[] { "TF0004 6:3", "TF0004 5:39" }, caseOnly.Diagnostics.Select(d => $"{d.Id} {d.Span.StartLine}:{d.Span.StartColumn}"));
        Assert.Contains("Flag key 'A.B' is declared more than once (names are compared case-insensitively; first at line 3)", caseOnly.Diagnostics[0].Message, StringComparison.Ordinal);
        Assert.Contains("Environment 'production' is declared more than once (names are compared case-insensitively; first at line 5)", caseOnly.Diagnostics[1].Message, StringComparison.Ordinal);
        Assert.Empty(caseOnly.Model!.Flags);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\n\n\n")]
    [InlineData("# just a comment\n")]
    [InlineData("---\n")]
    [InlineData("--- ~\n")]
    [InlineData("null\n")]
    [InlineData("\uFEFF")]
    public void An_empty_file_is_missing_its_version(string text)
    {
        var result = HangGuarded(() => ManifestParser.Parse(text));

        var diagnostic = AssertSingle(result, "TF0011", 1, 1);
        Assert.Contains("the file is empty", diagnostic.Message, StringComparison.Ordinal);
        Assert.Null(result.Model);
    }

    [Theory]
    [InlineData("hello\n", 1, 1)]
    [InlineData("42\n", 1, 1)]
    [InlineData("# comment\n'quoted'\n", 2, 1)]
    [InlineData("[version, flags]\n", 1, 1)]
    [InlineData("- version: 1\n", 1, 1)]
    public void A_file_that_is_not_a_mapping_is_TF0005(string text, int line, int column)
    {
        var result = HangGuarded(() => ManifestParser.Parse(text));

        var diagnostic = AssertSingle(result, "TF0005", line, column);
        Assert.Contains("the document", diagnostic.Message, StringComparison.Ordinal);
        Assert.Null(result.Model);
    }

    [Theory]
    [InlineData("version: 1\nflags:\n  a.b:\n    requires: [x,\n  c.d:\n    description: y\n", 4, 15)]
    [InlineData("version: 1\nflags:\n  a.b:\n    metadata: { a: 1\n  c.d:\n    description: y\n", 4, 15)]
    [InlineData("version: 1\nflags: [a\nb: c\n", 2, 8)]
    public void An_unclosed_bracket_is_a_syntax_error_at_the_bracket(string text, int line, int column)
    {
        // YamlDotNet's scanner throws InvalidOperationException here; it must not become an internal error (TF0099).
        var diagnostic = AssertSingle(ManifestParser.Parse(text), "TF0001", line, column);
        Assert.Contains("not closed", diagnostic.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("version: 1\nflags:\n  a.b:\n    description: \"x\0y\"\n")]
    [InlineData("version: 1\nflags: *nowhere\n")]
    [InlineData("version: 1\nflags: &a [*a]\n")]
    [InlineData("%YAML 1.1\n---\nversion: 1\nflags:\n")]
    [InlineData("%TAG ! tag:example.com,2000:\n---\nversion: !x 1\nflags:\n")]
    [InlineData("version: 1\nflags:\n  ? [a, b]\n  : { description: x }\n")]
    [InlineData("version: 1\nflags:\n  a.b: !!binary aGVsbG8=\n")]
    [InlineData("version: 1\nflags:\n  a.b:\n    description: |\n  bad indentation\n")]
    [InlineData("version: 1\nflags:\n  a.b:\n    description: x\n...\n---\n")]
    [InlineData("\u2028version: 1\u2029flags:\u0085\n")]
    [InlineData("version: 1\nflags:\n  \ud800:\n    description: x\n")]
    [InlineData("{{{{{{{{}}}}}}}}: [[[[[[]]]]]]\n")]
    [InlineData("version: 1\nflags:\n  a.b: {description: x, description: y}\n")]
    [InlineData("'unterminated\n")]
    [InlineData("version: 1\nflags: }\n")]
    public void Odd_input_is_a_diagnostic_never_an_exception_or_internal_error(string text)
    {
        var result = HangGuarded(() => ManifestParser.Parse(text));

        Assert.DoesNotContain(result.Diagnostics, d => d.Id == "TF0099");
        Assert.All(result.Diagnostics, d => Assert.InRange(d.Span.Start, 0, text.Length));
    }

    [Fact]
    public void Cancellation_is_the_one_exception()
    {
        var text = "version: 1\nflags:\n" + string.Concat(Enumerable.Range(0, 20_000).Select(i => $"  f{i}:\n    description: x\n"));
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => ManifestParser.Parse(text, cancelled.Token));
    }

    private static string Amplified(string item)
    {
        var text = new StringBuilder("version: 1\nflags:\n  f0: &f\n    description: x\n    targeting: { allow: [&s ")
            .Append(item).Append(string.Concat(Enumerable.Repeat(", *s", 1_999))).Append("] }\n");
        for (var i = 1; i < 3_000; i++)
        {
            text.Append("  f").Append(i).Append(": *f\n");
        }

        return text.ToString();
    }

    private static ManifestParseResult HangGuarded(Func<ManifestParseResult> parse)
    {
        var parsing = System.Threading.Tasks.Task.Run(parse);
        Assert.True(parsing.Wait(HangGuard), $"parsing did not finish within {HangGuard.TotalMinutes} minutes: the parser hangs");
        return parsing.Result;
    }

    private static Diagnostics.ManifestDiagnostic AssertSingle(ManifestParseResult result, string id, int line, int column)
    {
        Assert.True(result.Diagnostics.Count == 1, string.Join("\n", result.Diagnostics.Take(5)));
        var diagnostic = result.Diagnostics[0];
        Assert.Equal($"{id} {line}:{column}", $"{diagnostic.Id} {diagnostic.Span.StartLine}:{diagnostic.Span.StartColumn}");
        return diagnostic;
    }
}

/// <summary>Tests with a hang guard run alone, so that other tests' CPU use cannot trip the guard.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class HangGuardCollection
{
    public const string Name = "Hang guard";
}
