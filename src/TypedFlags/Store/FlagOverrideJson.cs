using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace TypedFlags;

/// <summary>
/// The canonical JSON of a <see cref="FlagOverride"/>, written and read without a JSON library: the runtime takes no
/// dependency for it (netstandard2.0 has no System.Text.Json), and the shape is small and fixed.
/// </summary>
internal static class FlagOverrideJson
{
    private static readonly string[] Fields = { "Value", "State", "Rollout", "Allow", "Deny", "Targets", "Expires" };

    public static string Write(FlagOverride value)
    {
        var text = new StringBuilder("{");
        var first = true;
        Field(text, ref first, "Value", value.Value);
        Field(text, ref first, "State", value.State);
        Field(text, ref first, "Rollout", value.Rollout);
        List(text, ref first, "Allow", value.Allow);
        List(text, ref first, "Deny", value.Deny);
        if (value.Targets is { Count: > 0 } targets)
        {
            Name(text, ref first, "Targets");
            text.Append('[');
            for (var i = 0; i < targets.Count; i++)
            {
                if (i > 0)
                {
                    text.Append(',');
                }

                var target = targets[i];
                text.Append('{');
                var inner = true;
                Field(text, ref inner, "Target", target.Target);
                Field(text, ref inner, "Value", target.Value);
                Field(text, ref inner, "State", target.State);
                Field(text, ref inner, "Expires", target.Expires);
                text.Append('}');
            }

            text.Append(']');
        }

        Field(text, ref first, "Expires", value.Expires);
        return text.Append('}').ToString();
    }

    public static FlagOverride Read(string json)
    {
        var parser = new Parser(json);
        var root = parser.ReadDocument();
        if (root is not Dictionary<string, object?> fields)
        {
            throw new FormatException("A flag override must be a JSON object with " + string.Join(", ", Fields) + ".");
        }

        foreach (var name in fields.Keys)
        {
            if (Array.IndexOf(Fields, name) < 0)
            {
                throw new FormatException($"'{name}' is not a field of a flag override; fields: {string.Join(", ", Fields)}.");
            }
        }

        return new FlagOverride
        {
            Value = Text(fields, "Value"),
            State = Text(fields, "State"),
            Rollout = Text(fields, "Rollout"),
            Allow = Strings(fields, "Allow"),
            Deny = Strings(fields, "Deny"),
            Targets = Targets(fields),
            Expires = Text(fields, "Expires"),
        };
    }

    private static string? Text(Dictionary<string, object?> fields, string name) => fields.TryGetValue(name, out var value) ? Scalar(value, name) : null;

    private static string? Scalar(object? value, string name) => value switch
    {
        null => null,
        string text => text,
        _ => throw new FormatException($"'{name}' must be a string."),
    };

    private static IReadOnlyList<string>? Strings(Dictionary<string, object?> fields, string name)
    {
        if (!fields.TryGetValue(name, out var value) || value is null)
        {
            return null;
        }

        if (value is string one)
        {
            // The configuration form: entries separated by ',' or ';'.
            return new[] { one };
        }

        if (value is not List<object?> items)
        {
            throw new FormatException($"'{name}' must be an array of strings.");
        }

        var list = new string[items.Count];
        for (var i = 0; i < list.Length; i++)
        {
            list[i] = Scalar(items[i], name) ?? throw new FormatException($"'{name}' must not hold null.");
        }

        return list;
    }

    private static IReadOnlyList<FlagTargetOverride>? Targets(Dictionary<string, object?> fields)
    {
        if (!fields.TryGetValue("Targets", out var value) || value is null)
        {
            return null;
        }

        var targets = new List<FlagTargetOverride>();
        if (value is List<object?> items)
        {
            foreach (var item in items)
            {
                if (item is not Dictionary<string, object?> entry || Text(entry, "Target") is not { } target)
                {
                    throw new FormatException("Each entry of 'Targets' must be an object { Target, Value, State, Expires } with a Target.");
                }

                targets.Add(Target(target, entry));
            }
        }
        else if (value is Dictionary<string, object?> map)
        {
            foreach (var pair in map)
            {
                targets.Add(pair.Value is Dictionary<string, object?> entry ? Target(pair.Key, entry) : new FlagTargetOverride(pair.Key, Scalar(pair.Value, "Targets")));
            }
        }
        else
        {
            throw new FormatException("'Targets' must be an array of { Target, Value, State, Expires } or a map from target to value.");
        }

        return targets;
    }

    private static FlagTargetOverride Target(string target, Dictionary<string, object?> entry)
    {
        foreach (var name in entry.Keys)
        {
            if (name is not ("Target" or "Value" or "State" or "Expires"))
            {
                throw new FormatException($"'{name}' is not a field of a target; fields: Target, Value, State, Expires.");
            }
        }

        return new FlagTargetOverride(target, Text(entry, "Value"), Text(entry, "Expires")) { State = Text(entry, "State") };
    }

    private static void Name(StringBuilder text, ref bool first, string name)
    {
        if (!first)
        {
            text.Append(',');
        }

        first = false;
        Quote(text, name);
        text.Append(':');
    }

    private static void Field(StringBuilder text, ref bool first, string name, string? value)
    {
        if (value is not null)
        {
            Name(text, ref first, name);
            Quote(text, value);
        }
    }

    private static void List(StringBuilder text, ref bool first, string name, IReadOnlyList<string>? values)
    {
        if (values is not { Count: > 0 })
        {
            return;
        }

        Name(text, ref first, name);
        text.Append('[');
        for (var i = 0; i < values.Count; i++)
        {
            if (i > 0)
            {
                text.Append(',');
            }

            Quote(text, values[i]);
        }

        text.Append(']');
    }

    private static void Quote(StringBuilder text, string value)
    {
        text.Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': text.Append("\\\""); break;
                case '\\': text.Append("\\\\"); break;
                case '\n': text.Append("\\n"); break;
                case '\r': text.Append("\\r"); break;
                case '\t': text.Append("\\t"); break;
                default:
                    if (c < ' ')
                    {
                        text.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        text.Append(c);
                    }

                    break;
            }
        }

        text.Append('"');
    }

    /// <summary>Reads objects, arrays, strings and null; numbers and true/false are kept as their text.</summary>
    private sealed class Parser
    {
        private const int MaxDepth = 16;
        private readonly string _text;
        private int _pos;

        public Parser(string text) => _text = text;

        public object? ReadDocument()
        {
            var value = ReadValue(0);
            SkipSpace();
            if (_pos < _text.Length)
            {
                throw Error("unexpected text after the value");
            }

            return value;
        }

        private object? ReadValue(int depth)
        {
            if (depth > MaxDepth)
            {
                throw Error("nested too deeply");
            }

            SkipSpace();
            if (_pos >= _text.Length)
            {
                throw Error("a value was expected");
            }

            switch (_text[_pos])
            {
                case '{':
                    return ReadObject(depth);
                case '[':
                    return ReadArray(depth);
                case '"':
                    return ReadString();
                default:
                    var start = _pos;
                    while (_pos < _text.Length && (char.IsLetterOrDigit(_text[_pos]) || _text[_pos] is '-' or '+' or '.'))
                    {
                        _pos++;
                    }

                    var word = _text.Substring(start, _pos - start);
                    if (word.Length == 0)
                    {
                        throw Error("a value was expected");
                    }

                    return word == "null" ? null : word;
            }
        }

        private Dictionary<string, object?> ReadObject(int depth)
        {
            var fields = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
            _pos++;
            SkipSpace();
            if (Peek('}'))
            {
                _pos++;
                return fields;
            }

            while (true)
            {
                SkipSpace();
                if (!Peek('"'))
                {
                    throw Error("a field name in double quotes was expected");
                }

                var name = ReadString();
                SkipSpace();
                Expect(':');
                if (fields.ContainsKey(name))
                {
                    throw Error($"field '{name}' appears twice");
                }

                fields[name] = ReadValue(depth + 1);
                SkipSpace();
                if (Peek(','))
                {
                    _pos++;
                    continue;
                }

                Expect('}');
                return fields;
            }
        }

        private List<object?> ReadArray(int depth)
        {
            var items = new List<object?>();
            _pos++;
            SkipSpace();
            if (Peek(']'))
            {
                _pos++;
                return items;
            }

            while (true)
            {
                items.Add(ReadValue(depth + 1));
                SkipSpace();
                if (Peek(','))
                {
                    _pos++;
                    continue;
                }

                Expect(']');
                return items;
            }
        }

        private string ReadString()
        {
            _pos++;
            var text = new StringBuilder();
            while (_pos < _text.Length)
            {
                var c = _text[_pos++];
                if (c == '"')
                {
                    return text.ToString();
                }

                if (c != '\\')
                {
                    text.Append(c);
                    continue;
                }

                if (_pos >= _text.Length)
                {
                    break;
                }

                var escape = _text[_pos++];
                switch (escape)
                {
                    case '"': text.Append('"'); break;
                    case '\\': text.Append('\\'); break;
                    case '/': text.Append('/'); break;
                    case 'b': text.Append('\b'); break;
                    case 'f': text.Append('\f'); break;
                    case 'n': text.Append('\n'); break;
                    case 'r': text.Append('\r'); break;
                    case 't': text.Append('\t'); break;
                    case 'u' when _pos + 4 <= _text.Length
                        && int.TryParse(_text.Substring(_pos, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var code):
                        text.Append((char)code);
                        _pos += 4;
                        break;
                    default:
                        throw Error("an escape sequence is not valid");
                }
            }

            throw Error("a string is not closed");
        }

        private bool Peek(char c) => _pos < _text.Length && _text[_pos] == c;

        private void Expect(char c)
        {
            if (!Peek(c))
            {
                throw Error($"'{c}' was expected");
            }

            _pos++;
        }

        private void SkipSpace()
        {
            while (_pos < _text.Length && char.IsWhiteSpace(_text[_pos]))
            {
                _pos++;
            }
        }

        private FormatException Error(string what) => new($"Flag override JSON at character {_pos + 1}: {what}.");
    }
}
