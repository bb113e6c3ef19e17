using System;
using System.Collections.Generic;
using System.IO;
using System.Numerics;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace TypedFlags.Manifest.Tests.Infrastructure;

/// <summary>
/// Reads a flags.yaml file as JSON data the way an editor's YAML tooling does before it applies a JSON Schema:
/// YamlDotNet's representation model for the structure, <see cref="CoreSchemaScalar"/> (YAML 1.2 core schema) for
/// the scalars, so <c>yes</c> is a string and <c>1.0</c> a number. Like the TypedFlags parser, and unlike a plain
/// JSON conversion, a plain mapping key is the text written (a key <c>null</c> names something "null"), a
/// collection used as a key, a duplicate key and more than one document are errors, and <c>&lt;&lt;</c> is an
/// ordinary key (no merge keys).
/// </summary>
internal static class YamlToJson
{
    /// <summary>Values produced by expanding aliases before the document counts as an alias bomb ("billion laughs").</summary>
    private const int AliasBudget = 10_000;

    private const string YamlTagPrefix = "tag:yaml.org,2002:";

    /// <summary>Deeper than System.Text.Json's defaults (64 to read): the nesting limit (TF0021) is the parser's to report, not the reading's.</summary>
    private const int MaxDepth = 10_000;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The JSON reading of <paramref name="bytes"/>, or the reason there is none.</summary>
    public static (JsonElement? Json, string? Error) Convert(byte[] bytes)
    {
        string text;
        try
        {
            text = StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException e)
        {
            return (null, "not valid UTF-8: " + e.Message);
        }

        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text.TrimStart('\uFEFF')));
        }
        catch (YamlException e)
        {
            return (null, "YAML: " + e.Message);
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException)
        {
            // YamlDotNet's scanner fails this way on a '[' or '{' left open before more block content, and its
            // representation model on an empty implicit key ("  :") that holds a mapping: syntax errors all the same.
            return (null, "YAML: " + e.Message);
        }

        if (stream.Documents.Count > 1)
        {
            return (null, "YAML: more than one document");
        }

        var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { MaxDepth = MaxDepth, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            if (stream.Documents.Count == 0)
            {
                writer.WriteNullValue();
            }
            else
            {
                var error = new Writer(writer).Write(stream.Documents[0].RootNode);
                if (error is not null)
                {
                    return (null, error);
                }
            }
        }

        using var document = JsonDocument.Parse(buffer.ToArray(), new JsonDocumentOptions { MaxDepth = MaxDepth });
        return (document.RootElement.Clone(), null);
    }

    /// <summary>One conversion: tracks the nodes on the current path (an alias to an ancestor) and the alias budget.</summary>
    private sealed class Writer
    {
        private readonly Utf8JsonWriter _json;
        private readonly HashSet<YamlNode> _seen = new(ReferenceEqualityComparer.Instance);
        private readonly HashSet<YamlNode> _path = new(ReferenceEqualityComparer.Instance);
        private int _aliasDepth;
        private int _aliasValues;

        public Writer(Utf8JsonWriter json)
        {
            _json = json;
        }

        /// <summary>Writes <paramref name="node"/>; returns why it cannot, or null.</summary>
        public string? Write(YamlNode node)
        {
            // The representation model resolves an alias to its anchored node: meeting that node again is an alias.
            var alias = !_seen.Add(node);
            if (alias && !_path.Add(node))
            {
                return "YAML: an alias refers to a node that contains it";
            }

            if (alias)
            {
                _aliasDepth++;
            }
            else
            {
                _path.Add(node);
            }

            try
            {
                if (_aliasDepth > 0 && ++_aliasValues > AliasBudget)
                {
                    return $"YAML: aliases expand to more than {AliasBudget} values";
                }

                return node switch
                {
                    YamlScalarNode scalar => WriteScalar(scalar),
                    YamlSequenceNode sequence => WriteSequence(sequence),
                    YamlMappingNode mapping => WriteMapping(mapping),
                    _ => "YAML: unexpected node " + node.NodeType,
                };
            }
            finally
            {
                _path.Remove(node);
                if (alias)
                {
                    _aliasDepth--;
                }
            }
        }

        private string? WriteSequence(YamlSequenceNode sequence)
        {
            _json.WriteStartArray();
            foreach (var item in sequence.Children)
            {
                if (sequence.Style == SequenceStyle.Flow && IsPlainEndingInColon(item, out var key))
                {
                    // YAML 1.2 ends a plain scalar in a flow collection before a ':' that a flow indicator follows:
                    // [tenant:] is a list holding the one-pair mapping {tenant: null}, as editors read it. YamlDotNet's
                    // scanner reads the string "tenant:" instead (the parser's reading: a documented difference).
                    _json.WriteStartObject();
                    _json.WritePropertyName(key);
                    _json.WriteNullValue();
                    _json.WriteEndObject();
                    continue;
                }

                if (Write(item) is { } error)
                {
                    return error;
                }
            }

            _json.WriteEndArray();
            return null;
        }

        private string? WriteMapping(YamlMappingNode mapping)
        {
            var keys = new HashSet<string>(StringComparer.Ordinal);
            _json.WriteStartObject();
            foreach (var (key, value) in mapping.Children)
            {
                if (key is not YamlScalarNode scalarKey)
                {
                    return $"YAML: a mapping key must be a scalar, not a collection ({key.Start})";
                }

                // A key is a name: the text written, never resolved to null, a bool or a number.
                var name = scalarKey.Value ?? string.Empty;
                if (!keys.Add(name))
                {
                    return $"YAML: Duplicate key '{name}' ({key.Start})";
                }

                _json.WritePropertyName(name);
                if (Write(value) is { } error)
                {
                    return error;
                }
            }

            _json.WriteEndObject();
            return null;
        }

        private string? WriteScalar(YamlScalarNode scalar)
        {
            var text = scalar.Value ?? string.Empty;
            if (!TryKind(scalar, text, out var kind))
            {
                return $"YAML: '{text}' is not a {scalar.Tag.Value} ({scalar.Start})";
            }

            switch (kind)
            {
                case CoreSchemaKind.Null:
                    _json.WriteNullValue();
                    return null;
                case CoreSchemaKind.Bool:
                    _json.WriteBooleanValue(CoreSchemaScalar.BoolValue(text));
                    return null;
                case CoreSchemaKind.Int:
                    var integer = CoreSchemaScalar.IntValue(text);
                    if (integer >= long.MinValue && integer <= long.MaxValue)
                    {
                        _json.WriteNumberValue((long)integer);
                        return null;
                    }

                    // Beyond 64 bits an editor's number is a double, as here.
                    return WriteDouble((double)integer, text, scalar);
                case CoreSchemaKind.Float:
                    return WriteDouble(CoreSchemaScalar.FloatValue(text), text, scalar);
                default:
                    _json.WriteStringValue(text);
                    return null;
            }
        }

        private string? WriteDouble(double value, string text, YamlScalarNode scalar)
        {
            // JSON has no infinities and no NaN; JSON Schema validators that see one anyway (ajv) do not count it as a
            // number, so no schema type accepts it.
            if (!double.IsFinite(value))
            {
                return $"YAML: '{text}' is a non-finite number, which JSON cannot hold ({scalar.Start})";
            }

            _json.WriteNumberValue(value);
            return null;
        }

        private static bool IsPlainEndingInColon(YamlNode node, out string key)
        {
            var ends = node is YamlScalarNode { Style: ScalarStyle.Plain, Tag.IsEmpty: true, Value: { Length: > 0 } text } && text.EndsWith(':');
            key = ends ? ((YamlScalarNode)node).Value![..^1] : string.Empty;
            return ends;
        }

        /// <summary>A plain untagged scalar is resolved; a quoted or block one is a string; a core tag (<c>!!int</c>, ...) decides.</summary>
        private static bool TryKind(YamlScalarNode scalar, string text, out CoreSchemaKind kind)
        {
            var tag = scalar.Tag;
            if (tag.IsEmpty)
            {
                kind = scalar.Style == ScalarStyle.Plain ? CoreSchemaScalar.Resolve(text) : CoreSchemaKind.String;
                return true;
            }

            kind = tag.Value switch
            {
                YamlTagPrefix + "null" => CoreSchemaKind.Null,
                YamlTagPrefix + "bool" => CoreSchemaKind.Bool,
                YamlTagPrefix + "int" => CoreSchemaKind.Int,
                YamlTagPrefix + "float" => CoreSchemaKind.Float,
                // !!str, the non-specific "!" and tags the core schema does not know (which editors keep as text).
                _ => CoreSchemaKind.String,
            };
            return CoreSchemaScalar.Matches(text, kind);
        }
    }
}
