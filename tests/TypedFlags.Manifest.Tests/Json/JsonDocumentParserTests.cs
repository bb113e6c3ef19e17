using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Threading;
using TypedFlags.Manifest.Diagnostics;
using TypedFlags.Manifest.Json;
using Xunit;

namespace TypedFlags.Manifest.Tests.Json;

/// <summary>
/// The dependency-free JSON reader for appsettings*.json: what it accepts (what Microsoft.Extensions.Configuration.Json
/// accepts), the values it keeps, the exact location of every node and of every error, and its limits.
/// </summary>
public sealed class JsonDocumentParserTests
{
    private const string AppSettings = """
        {
          // Logging, as `dotnet new web` writes it.
          "Logging": {
            "LogLevel": {
              "Default": "Information",
              "Microsoft.AspNetCore": "Warning", /* a trailing comma follows */
            },
          },
          "TypedFlags": {
            "Overrides": {
              "Checkout.NewFlow": true, // on for everyone
              "Search.Ranking": "v2",
            },
          },
          "AllowedHosts": "*",
        }
        """;

    [Fact]
    public void Realistic_appsettings_with_comments_and_trailing_commas_is_read_with_exact_spans()
    {
        var root = Assert.IsType<JsonObject>(Parse(AppSettings));

        Assert.Equal(new[] { "Logging", "TypedFlags", "AllowedHosts" }, root.Properties.Select(p => p.Name));
        Assert.Equal(new SourceSpan(0, AppSettings.Length, 1, 1, 16, 2), root.Span);

        var overrides = Assert.IsType<JsonObject>(Object(Object(root, "TypedFlags"), "Overrides"));
        Assert.Equal("10:18-13:6", At(overrides.Span));

        var flag = overrides.Properties[0];
        Assert.Equal("Checkout.NewFlow", flag.Name);
        Assert.Equal("11:7-11:25", At(flag.NameSpan));
        Assert.Equal(18, flag.NameSpan.Length);
        Assert.Equal("\"Checkout.NewFlow\"", AppSettings.Substring(flag.NameSpan.Start, flag.NameSpan.Length));

        var value = Assert.IsType<JsonScalar>(flag.Value);
        Assert.Equal(JsonScalarKind.True, value.Kind);
        Assert.Equal("True", value.Value);
        Assert.Equal("11:27-11:31", At(value.Span));
        Assert.Equal("true", AppSettings.Substring(value.Span.Start, value.Span.Length));

        var ranking = Assert.IsType<JsonScalar>(overrides.Find("search.ranking")!.Value);
        Assert.Equal("v2", ranking.Value);
        Assert.Equal("12:25-12:29", At(ranking.Span));

        var level = Assert.IsType<JsonScalar>(Object(Object(root, "logging"), "LOGLEVEL").Find("Microsoft.AspNetCore")!.Value);
        Assert.Equal("Warning", level.Value);
        Assert.Equal("6:31-6:40", At(level.Span));
    }

    [Theory]
    [InlineData("\"text\"", JsonScalarKind.String, "text")]
    [InlineData("\"\"", JsonScalarKind.String, "")]
    [InlineData("0", JsonScalarKind.Number, "0")]
    [InlineData("-0", JsonScalarKind.Number, "-0")]
    [InlineData("42", JsonScalarKind.Number, "42")]
    [InlineData("-12.50", JsonScalarKind.Number, "-12.50")]
    [InlineData("1.50E+3", JsonScalarKind.Number, "1.50E+3")]
    [InlineData("0.0e-0", JsonScalarKind.Number, "0.0e-0")]
    [InlineData("123456789012345678901234567890", JsonScalarKind.Number, "123456789012345678901234567890")]
    [InlineData("true", JsonScalarKind.True, "True")]
    [InlineData("false", JsonScalarKind.False, "False")]
    [InlineData("null", JsonScalarKind.Null, null)]
    public void Scalars_keep_the_text_configuration_would_store(string json, JsonScalarKind kind, string? value)
    {
        var scalar = Assert.IsType<JsonScalar>(Parse("{\"a\": " + json + "}") is JsonObject o ? o.Find("a")!.Value : null);

        Assert.Equal(kind, scalar.Kind);
        Assert.Equal(value, scalar.Value);
        Assert.Equal(6, scalar.Span.Start);
        Assert.Equal(json.Length, scalar.Span.Length);
        Assert.Equal($"1:7-1:{7 + json.Length}", At(scalar.Span));
    }

    [Fact]
    public void A_scalar_can_be_the_root()
    {
        var scalar = Assert.IsType<JsonScalar>(Parse("  \"x\"  "));

        Assert.Equal("x", scalar.Value);
        Assert.Equal(new SourceSpan(2, 3, 1, 3, 1, 6), scalar.Span);
    }

    [Fact]
    public void Every_escape_is_unescaped_including_surrogate_pairs()
    {
        const string json = """{"v": "q\" b\\ s\/ \b\f\n\r\t \u00e9\u00C9 \ud83d\ude00 \u0000 raw é😀 \u2028"}""";

        var value = Assert.IsType<JsonScalar>(Assert.IsType<JsonObject>(Parse(json)).Find("v")!.Value);

        Assert.Equal("q\" b\\ s/ \b\f\n\r\t \u00e9\u00c9 \U0001F600 \0 raw é😀 \u2028", value.Value);
        Assert.Equal(json.Length - 7, value.Span.Length);
        Assert.Equal('"', json[value.Span.Start]);
        Assert.Equal('"', json[value.Span.Start + value.Span.Length - 1]);
    }

    [Fact]
    public void Property_names_are_unescaped_and_their_span_covers_the_quotes()
    {
        var property = Assert.Single(Assert.IsType<JsonObject>(Parse("{ \"a\\u0042\\/c\" : 1 }")).Properties);

        Assert.Equal("aB/c", property.Name);
        Assert.Equal(new SourceSpan(2, 12, 1, 3, 1, 15), property.NameSpan);
        Assert.Equal("1:18-1:19", At(property.Value.Span));
    }

    [Fact]
    public void Crlf_line_endings_give_the_right_lines_and_columns()
    {
        const string json = "{\r\n  \"a\": [\r\n    1,\r\n    \"b\"\r\n  ],\r\n  \"c\": {}\r\n}\r\n";

        var root = Assert.IsType<JsonObject>(Parse(json));
        var array = Assert.IsType<JsonArray>(root.Find("a")!.Value);

        Assert.Equal("1:1-7:2", At(root.Span));
        Assert.Equal("2:8-5:4", At(array.Span));
        Assert.Equal(new[] { "3:5-3:6", "4:5-4:8" }, array.Items.Select(i => At(i.Span)));
        Assert.Equal("6:3-6:6", At(root.Find("c")!.NameSpan));
        Assert.Equal("6:8-6:10", At(root.Find("c")!.Value.Span));

        var error = ParseError("{\r\n  \"a\": 1,\r\n  \"b\" 2\r\n}");
        Assert.Equal(("Expected ':' after a property name", "3:7"), error);
    }

    [Fact]
    public void Empty_objects_and_arrays_have_spans_from_bracket_to_bracket()
    {
        var root = Assert.IsType<JsonArray>(Parse("[ {}, [ ], { } ]"));

        Assert.Equal(new[] { "1:3-1:5", "1:7-1:10", "1:12-1:15" }, root.Items.Select(i => At(i.Span)));
        Assert.Empty(Assert.IsType<JsonObject>(root.Items[0]).Properties);
        Assert.Empty(Assert.IsType<JsonArray>(root.Items[1]).Items);
    }

    [Theory]
    [InlineData("/* before */ {\"a\": 1} // after")]
    [InlineData("{ /* c */ \"a\" : /* c */ 1 /* c */ , /* c */ }")]
    [InlineData("{\"a\":1, // line comment ended by CR only\r}")]
    [InlineData("{\"a\": [1, 2, /* c */ ], }")]
    [InlineData("{\"a\": 1 /* a\u2028b is fine in a block comment */}")]
    [InlineData("{\"a\": 1 /* * / ** */}")]
    [InlineData("\uFEFF{\"a\": 1}")]
    [InlineData("\t\r\n {\"a\"\t\r\n:\t\r\n1\t\r\n}\t\r\n")]
    public void Comments_trailing_commas_and_a_byte_order_mark_are_accepted(string json)
    {
        var root = Assert.IsType<JsonObject>(Parse(json));

        Assert.Equal("1", Assert.IsType<JsonScalar>(root.Find("a")!.Value is JsonArray array ? array.Items[0] : root.Find("a")!.Value).Value);
    }

    [Fact]
    public void A_byte_order_mark_counts_in_offsets_but_not_in_columns()
    {
        var root = Parse("\uFEFF{\"a\": 1}");

        Assert.Equal(new SourceSpan(1, 8, 1, 1, 1, 9), root.Span);
        Assert.Equal(("Expected a JSON value", "1:1"), ParseError("\uFEFF\uFEFF{}"));
        Assert.Equal(1, JsonDocumentParser.Parse("\uFEFF\uFEFF{}").ErrorSpan!.Start);
    }

    [Theory]
    [InlineData("", "Expected a JSON value, found the end of the text", "1:1", 0)]
    [InlineData("  // only a comment", "Expected a JSON value, found the end of the text", "1:20", 0)]
    [InlineData("{'a': 1}", "Property names must be in double quotes (\"), not single quotes", "1:2", 1)]
    [InlineData("{a: 1}", "Property name 'a' must be in double quotes (\")", "1:2", 1)]
    [InlineData("{\n  Logging: {}\n}", "Property name 'Logging' must be in double quotes (\")", "2:3", 7)]
    [InlineData("{\"a\": 'x'}", "Strings must be in double quotes (\"), not single quotes", "1:7", 1)]
    [InlineData("{\"a\": NaN}", "Invalid value 'NaN'; expected a string in double quotes, a number, true, false, null, an object or an array", "1:7", 3)]
    [InlineData("{\"a\": undefined}", "Invalid value 'undefined'; expected a string in double quotes, a number, true, false, null, an object or an array", "1:7", 9)]
    [InlineData("{\"a\": True}", "Invalid value 'True'; did you mean 'true'?", "1:7", 4)]
    [InlineData("{\"a\": truex}", "Invalid value 'truex'; expected a string in double quotes, a number, true, false, null, an object or an array", "1:7", 5)]
    [InlineData("{\"a\": 01}", "Invalid number: leading zeros are not allowed", "1:8", 1)]
    [InlineData("{\"a\": -01}", "Invalid number: leading zeros are not allowed", "1:9", 1)]
    [InlineData("{\"a\": -}", "Expected a digit after '-'", "1:8", 1)]
    [InlineData("{\"a\": -Infinity}", "Expected a digit after '-'", "1:8", 1)]
    [InlineData("{\"a\": 1.}", "Expected a digit after the decimal point", "1:9", 1)]
    [InlineData("{\"a\": 1e+}", "Expected a digit in the exponent", "1:10", 1)]
    [InlineData("{\"a\": .5}", "Expected a value after ':'", "1:7", 1)]
    [InlineData("{\"a\": +1}", "Expected a value after ':'", "1:7", 1)]
    [InlineData("{\"a\": 0x1F}", "Invalid number: unexpected 'x'", "1:8", 1)]
    [InlineData("{\"a\": 1.5.3}", "Invalid number: unexpected '.'", "1:10", 1)]
    [InlineData("{\"a\": }", "Expected a value after ':'", "1:7", 1)]
    [InlineData("{\"a\":\u00A01}", "Expected a value after ':'", "1:6", 1)]
    [InlineData("{\"a\": \"tab\there\"}", "Control character U+0009 is not allowed in a string; write it as an escape such as \\u0009", "1:11", 1)]
    [InlineData("{\"a\": \"line\nbreak\"}", "Unterminated string: a string cannot contain a line break (write it as \\n)", "1:12", 1)]
    [InlineData("{\"a\": \"abc", "Unterminated string: no closing '\"' before the end of the text", "1:7", 1)]
    [InlineData("{\"a\": \"abc\\", "Unterminated string: no closing '\"' before the end of the text", "1:7", 1)]
    [InlineData("{\"a\": \"\\x\"}", "Invalid escape sequence '\\' followed by 'x'; the escapes are \\\", \\\\, \\/, \\b, \\f, \\n, \\r, \\t and \\u followed by 4 hex digits", "1:8", 2)]
    [InlineData("{\"a\": \"\\U0041\"}", "Invalid escape sequence '\\' followed by 'U'; the escapes are \\\", \\\\, \\/, \\b, \\f, \\n, \\r, \\t and \\u followed by 4 hex digits", "1:8", 2)]
    [InlineData("{\"a\": \"\\u12\"}", "Invalid escape sequence: \\u must be followed by 4 hex digits", "1:12", 1)]
    [InlineData("{\"a\": \"\\ud800\"}", "Invalid escape \\uD800: a high surrogate must be followed by a low surrogate escape (\\uDC00-\\uDFFF)", "1:8", 6)]
    [InlineData("{\"a\": \"\\ud800\\u0041\"}", "Invalid escape \\uD800: a high surrogate must be followed by a low surrogate escape (\\uDC00-\\uDFFF)", "1:8", 6)]
    [InlineData("{\"a\": \"\\udc00\"}", "Invalid escape \\uDC00: a low surrogate must follow a high surrogate escape (\\uD800-\\uDBFF)", "1:8", 6)]
    [InlineData("{\"a\\x\": 1}", "Invalid escape sequence '\\' followed by 'x'; the escapes are \\\", \\\\, \\/, \\b, \\f, \\n, \\r, \\t and \\u followed by 4 hex digits", "1:4", 2)]
    [InlineData("{\"a\": 1} x", "Unexpected 'x' after the end of the JSON value", "1:10", 1)]
    [InlineData("{\"a\": 1}}", "Unexpected '}' after the end of the JSON value", "1:9", 1)]
    [InlineData("{} {}", "Unexpected '{' after the end of the JSON value", "1:4", 1)]
    [InlineData("{\"a\": 1} /", "Invalid comment: '/' must be followed by '/' or '*'", "1:10", 1)]
    [InlineData("{\"a\": 1 \"b\": 2}", "Expected ',' or '}' after a property value", "1:9", 1)]
    [InlineData("{\"a\": [1]]", "Expected ',' or '}' after a property value", "1:10", 1)]
    [InlineData("{\"a\": 1", "Expected ',' or '}' after a property value, found the end of the text", "1:8", 0)]
    [InlineData("{\"a\": 1,", "Expected a property name in double quotes or '}', found the end of the text", "1:9", 0)]
    [InlineData("{\"a\": 1,,}", "Expected a property name in double quotes or '}'", "1:9", 1)]
    [InlineData("{,}", "Expected a property name in double quotes or '}'", "1:2", 1)]
    [InlineData("{\"a\" 1}", "Expected ':' after a property name", "1:6", 1)]
    [InlineData("{\"a\"}", "Expected ':' after a property name", "1:5", 1)]
    [InlineData("{\"a\" /* c */ : 1}", "Expected ':' after a property name; comments are not allowed between a property name and ':'", "1:6", 1)]
    [InlineData("[1 2]", "Expected ',' or ']' after an array item", "1:4", 1)]
    [InlineData("[1}", "Expected ',' or ']' after an array item", "1:3", 1)]
    [InlineData("[1,,2]", "Expected an array item or ']'", "1:4", 1)]
    [InlineData("[,]", "Expected an array item or ']'", "1:2", 1)]
    [InlineData("[\"a\": 1]", "Expected ',' or ']' after an array item", "1:5", 1)]
    [InlineData("[", "Expected an array item or ']', found the end of the text", "1:2", 0)]
    [InlineData("{\"a\": 1 /* open", "Unterminated comment: no closing '*/' before the end of the text", "1:9", 2)]
    [InlineData("{\"a\": 1 // x\u2028y\n}", "Character U+2028 (a line or paragraph separator) is not allowed in a // comment", "1:13", 1)]
    [InlineData("{\n  \"a\": 1,\n  \"b\": [true, nul]\n}", "Invalid value 'nul'; expected a string in double quotes, a number, true, false, null, an object or an array", "3:15", 3)]
    public void Syntax_errors_are_located_at_the_offending_character(string json, string message, string position, int length)
    {
        var result = JsonDocumentParser.Parse(json);

        Assert.Null(result.Root);
        Assert.False(result.Success);
        Assert.Equal(message, result.Error);
        Assert.Equal(position, $"{result.ErrorSpan!.StartLine}:{result.ErrorSpan.StartColumn}");
        Assert.Equal(length, result.ErrorSpan.Length);
    }

    [Fact]
    public void Nesting_is_limited_to_64_levels_and_the_deeper_collection_is_the_error()
    {
        var deepest = new string('[', 64) + new string(']', 64);
        Assert.Null(JsonDocumentParser.Parse(deepest).Error);

        var tooDeep = new string('[', 65) + new string(']', 65);
        Assert.Equal(("Objects and arrays are nested more than 64 levels deep", "1:65"), ParseError(tooDeep));

        var objects = string.Concat(Enumerable.Repeat("{\"a\":", 100)) + "1" + new string('}', 100);
        Assert.Equal(("Objects and arrays are nested more than 64 levels deep", "1:321"), ParseError(objects));

        var hostile = new string('[', 1_000_000);
        Assert.Equal(("Objects and arrays are nested more than 64 levels deep", "1:65"), ParseError(hostile));
    }

    [Fact]
    public void Text_longer_than_the_limit_is_an_error_at_the_start()
    {
        var result = JsonDocumentParser.Parse(new string(' ', JsonDocumentParser.MaxCharacters + 1));

        Assert.Null(result.Root);
        Assert.Equal("The file has 8,388,609 characters; the limit is 8,388,608", result.Error);
        Assert.Equal(SourceSpan.FileStart, result.ErrorSpan);
    }

    [Fact]
    public void Long_but_allowed_input_is_read()
    {
        var items = string.Join(",", Enumerable.Repeat("{\"k\": [1, \"two\", true, null]}", 20_000));
        var root = Assert.IsType<JsonArray>(Parse("[" + items + "]"));

        Assert.Equal(20_000, root.Items.Count);
        Assert.Equal(2 + (30 * 19_999), root.Items[^1].Span.StartColumn);
    }

    [Fact]
    public void Cancellation_is_honoured()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => JsonDocumentParser.Parse("{}", cancelled.Token));

        // The reader's own loops check the token too, not only the entry point.
        var text = "[" + new string(' ', 100_000) + "]";
        var reader = new JsonTextParser(text, new LineMap(text), 0, cancelled.Token);
        Assert.ThrowsAny<OperationCanceledException>(() => reader.ParseDocument());
    }

    [Fact]
    public void Find_is_case_insensitive_and_the_last_duplicate_wins()
    {
        var root = Assert.IsType<JsonObject>(Parse("""{"Mode": "a", "other": 1, "MODE": "b", "mode": "c"}"""));

        Assert.Equal(4, root.Properties.Count);
        Assert.Equal("c", Assert.IsType<JsonScalar>(root.Find("Mode")!.Value).Value);
        Assert.Equal("c", Assert.IsType<JsonScalar>(root.Find("MoDe")!.Value).Value);
        Assert.Equal("1:40-1:46", At(root.Find("mode")!.NameSpan));
        Assert.Equal("1", Assert.IsType<JsonScalar>(root.Find("OTHER")!.Value).Value);
        Assert.Null(root.Find("missing"));
        Assert.Null(root.Find("mod"));
    }

    /// <summary>
    /// Every input is accepted exactly when System.Text.Json, configured as Microsoft.Extensions.Configuration.Json
    /// configures it, accepts it and can read all its strings; accepted inputs have the same tree and values.
    /// </summary>
    [Theory]
    [MemberData(nameof(AgreementCorpus))]
    public void Agrees_with_System_Text_Json_as_configuration_uses_it(string json)
    {
        var ours = JsonDocumentParser.Parse(json);
        var theirs = ReadWithSystemTextJson(json);

        Assert.Equal(theirs is null ? "rejected" : "accepted", ours.Root is null ? "rejected" : "accepted");
        if (theirs is not null)
        {
            Assert.Equal(theirs, Describe(ours.Root!));
        }
    }

    /// <summary>Inputs for <see cref="Agrees_with_System_Text_Json_as_configuration_uses_it"/>.</summary>
    public static TheoryData<string> AgreementCorpus()
    {
        var data = new TheoryData<string>
        {
            AppSettings,
            "{}", "[]", "1", "\"s\"", "true", "null", "-0", "1E5", "1e-5", "0.5", "-0.0e+0",
            "{\"a\": /*c*/ 1}", "{\"a\": // c\n 1}", "[ /*c*/ 1]", "/*c*/{\"a\":1}/*d*/", "[1 /*c*/ ,2]",
            "{\"a\":1 // c\r\n}", "{\"a\":1 // c\r}", "{\"a\":[1, /*c*/ ]}", "{\"a\":1, // c\n}", "{\"a\" /*c*/ : 1}",
            "{\"a\":-01}", "{\"a\":1.5.3}", "{\"a\":- 1}", "{\"a\":\"x\u2028y\"}", "{\"a\":\"\\u0000\"}", "{\"a\":1 /* /* */ */}",
            "\uFEFF{\"a\":1}", "\uFEFF\uFEFF{\"a\":1}", " \uFEFF{\"a\":1}", "{\"a\":1 // x\u2028y\n}", "{\"a\":1 // x\u2029y\n}",
            "{\"a\":1 /* x\u2028y */}", "{\"a\":\u00a01}", "{\"a\":\f1}", "{\"a\":\v1}", "{\"a\":1}\n\n", "{\"a\":1}\u0000",
            "{\"a\":1,}", "{\"a\":[1,2,],}", "{\"a\":tru}", "{\"a\":nul}", "{\"a\":[1 2]}", "{\"a\":1 \"b\":2}", "{\"a\"}",
            "{\"a\" 1}", "{\"a\":}", "{\"a\":", "{\"a\":[", "{\"a\":\"abc", "{\"a\\x\":1}", "{\"a\":\"\\U0041\"}", "{\"a\":1e5.3}",
            "{\"a\":1ee}", "{\"a\":1e+}", "{\"a\":00}", "{\"a\":0x10}", "{\"a\":Infinity}", "{\"a\":-Infinity}", "{\"a\":undefined}",
            "[\"a\":1]", "{\"a\":1]", "[1}", "{\"a\":1}}", "{\"a\":/1}", "{\"a\":1}\u00a0", "{\"a\":1}/", "{\"a\":1}/x",
            "{\"a\":\"\\ud800\"}", "{\"a\":\"\\udc00x\"}", "{\"a\":\"\\ud800\\u0041\"}", "{\"a\\ud800\":1}", "{\"\\ud83d\\ude00\":\"\\uD83D\\uDE00\"}",
            "{\"a\":\"\u007f\"}", "{\"a\":\"\u001f\"}", "{\"a\":\"\\/\\b\\f\\n\\r\\t\\\\\\\"\"}", "", " ", "// c", "/* c */", "/", "/* c",
            "{\"a\":1,\"A\":2,\"a\":{\"b\":[true,false,null,\"x\",-1.5e3]}}", "[[[]],[{}],{\"\":[]}]", "[1,]", "[,1]", "{,\"a\":1}",
            "{\"a\":\t1}", "{\"a\":1}\t", "'a'", "{\"a\":.1}", "{\"a\":1.}", "{\"a\":-}", "{\"a\":+1}", "{\"a\":TRUE}", "{\"a\":nulll}",
            new string('[', 64) + new string(']', 64), new string('[', 65) + new string(']', 65),
        };

        return data;
    }

    private static JsonNode Parse(string json)
    {
        var result = JsonDocumentParser.Parse(json);
        Assert.True(result.Error is null, $"Unexpected error {result.Error} at {result.ErrorSpan}");
        Assert.Null(result.ErrorSpan);
        Assert.True(result.Success);
        return result.Root!;
    }

    private static (string? Message, string Position) ParseError(string json)
    {
        var result = JsonDocumentParser.Parse(json);
        Assert.Null(result.Root);
        return (result.Error, $"{result.ErrorSpan!.StartLine}:{result.ErrorSpan.StartColumn}");
    }

    private static JsonObject Object(JsonObject parent, string name) => Assert.IsType<JsonObject>(parent.Find(name)!.Value);

    private static string At(SourceSpan span) => $"{span.StartLine}:{span.StartColumn}-{span.EndLine}:{span.EndColumn}";

    /// <summary>The tree as configuration sees it, or null when System.Text.Json (or reading its strings) fails.</summary>
    private static string? ReadWithSystemTextJson(string json)
    {
        var options = new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };
        try
        {
            // A stream, as JsonConfigurationProvider reads the file: a leading UTF-8 byte order mark is skipped.
            using var stream = new MemoryStream(Encoding.UTF8.GetBytes(json));
            using var document = JsonDocument.Parse(stream, options);
            return Describe(document.RootElement);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            return null;
        }
    }

    private static string Describe(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => "{" + string.Join(",", element.EnumerateObject().Select(p => Quote(p.Name) + ":" + Describe(p.Value))) + "}",
        JsonValueKind.Array => "[" + string.Join(",", element.EnumerateArray().Select(Describe)) + "]",
        JsonValueKind.Null => "Null:<null>",
        _ => element.ValueKind switch
        {
            JsonValueKind.String => "String:",
            JsonValueKind.Number => "Number:",
            JsonValueKind.True => "True:",
            _ => "False:",
        } + Quote(element.ToString()),
    };

    private static string Describe(JsonNode node) => node switch
    {
        JsonObject o => "{" + string.Join(",", o.Properties.Select(p => Quote(p.Name) + ":" + Describe(p.Value))) + "}",
        JsonArray a => "[" + string.Join(",", a.Items.Select(Describe)) + "]",
        JsonScalar { Value: null } s => s.Kind + ":<null>",
        JsonScalar s => s.Kind + ":" + Quote(s.Value!),
        _ => throw new InvalidOperationException(node.GetType().Name),
    };

    private static string Quote(string value) => JsonSerializer.Serialize(value);
}
