using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Threading;
using TypedFlags.Manifest.Diagnostics;

namespace TypedFlags.Manifest.Json;

/// <summary>
/// The recursive-descent reader behind <see cref="JsonDocumentParser"/>. Recursion is bounded by
/// <see cref="JsonDocumentParser.MaxDepth"/>; every loop advances through the text and checks cancellation
/// every <see cref="CancellationInterval"/> characters. The first error throws <see cref="JsonSyntaxException"/>.
/// </summary>
internal sealed class JsonTextParser
{
    private const int CancellationInterval = 4096;
    private const int MaxQuotedWord = 32;

    private const string ValueKinds = "a string in double quotes, a number, true, false, null, an object or an array";

    private readonly string _text;
    private readonly LineMap _lines;
    private readonly int _shift;
    private readonly CancellationToken _cancellationToken;
    private int _pos;
    private int _depth;
    private int _nextCancellationCheck;

    /// <summary>A reader of <paramref name="text"/>, whose spans are shifted by <paramref name="shift"/> characters.</summary>
    public JsonTextParser(string text, LineMap lines, int shift, CancellationToken cancellationToken)
    {
        _text = text;
        _lines = lines;
        _shift = shift;
        _cancellationToken = cancellationToken;
    }

    private bool AtEnd => _pos >= _text.Length;

    /// <summary>Reads the one value the text must hold, with only whitespace and comments around it.</summary>
    public JsonNode ParseDocument()
    {
        SkipTrivia();
        var root = ParseValue("Expected a JSON value");
        SkipTrivia();
        if (!AtEnd)
        {
            throw Error(_pos, 1, "Unexpected " + Describe(_text[_pos]) + " after the end of the JSON value");
        }

        return root;
    }

    private JsonNode ParseValue(string expected)
    {
        CheckCancellation();
        if (AtEnd)
        {
            throw ErrorHere(expected);
        }

        var c = _text[_pos];
        switch (c)
        {
            case '{':
                return ParseObject();
            case '[':
                return ParseArray();
            case '"':
                var start = _pos;
                var value = ReadString();
                return new JsonScalar(Span(start, _pos), JsonScalarKind.String, value);
            case '-':
            case >= '0' and <= '9':
                return ReadNumber();
            case '\'':
                throw Error(_pos, 1, "Strings must be in double quotes (\"), not single quotes");
        }

        if (IsWordStart(c))
        {
            return ReadLiteral();
        }

        throw ErrorHere(expected);
    }

    private JsonObject ParseObject()
    {
        var start = _pos;
        EnterCollection();
        var properties = new List<JsonProperty>();
        SkipTrivia();
        while (true)
        {
            // Here after '{' or after ',': a '}' after ',' is the trailing comma System.Text.Json allows.
            if (!AtEnd && _text[_pos] == '}')
            {
                break;
            }

            var nameStart = _pos;
            var name = ReadPropertyName();
            var nameSpan = Span(nameStart, _pos);

            // System.Text.Json allows whitespace, but not comments, between a property name and its ':'.
            SkipWhitespace();
            if (AtEnd || _text[_pos] != ':')
            {
                throw !AtEnd && _text[_pos] == '/'
                    ? Error(_pos, 1, "Expected ':' after a property name; comments are not allowed between a property name and ':'")
                    : ErrorHere("Expected ':' after a property name");
            }

            _pos++;
            SkipTrivia();
            var value = ParseValue("Expected a value after ':'");
            properties.Add(new JsonProperty(name, nameSpan, value));
            SkipTrivia();
            if (!AtEnd && _text[_pos] == ',')
            {
                _pos++;
                SkipTrivia();
                continue;
            }

            if (!AtEnd && _text[_pos] == '}')
            {
                break;
            }

            throw ErrorHere("Expected ',' or '}' after a property value");
        }

        _pos++;
        _depth--;
        return new JsonObject(Span(start, _pos), properties);
    }

    private JsonArray ParseArray()
    {
        var start = _pos;
        EnterCollection();
        var items = new List<JsonNode>();
        SkipTrivia();
        while (true)
        {
            // Here after '[' or after ',': a ']' after ',' is the trailing comma System.Text.Json allows.
            if (!AtEnd && _text[_pos] == ']')
            {
                break;
            }

            items.Add(ParseValue("Expected an array item or ']'"));
            SkipTrivia();
            if (!AtEnd && _text[_pos] == ',')
            {
                _pos++;
                SkipTrivia();
                continue;
            }

            if (!AtEnd && _text[_pos] == ']')
            {
                break;
            }

            throw ErrorHere("Expected ',' or ']' after an array item");
        }

        _pos++;
        _depth--;
        return new JsonArray(Span(start, _pos), items);
    }

    /// <summary>Steps over the '{' or '[' at the current position, one level deeper.</summary>
    private void EnterCollection()
    {
        if (++_depth > JsonDocumentParser.MaxDepth)
        {
            throw Error(_pos, 1, string.Format(CultureInfo.InvariantCulture, "Objects and arrays are nested more than {0} levels deep", JsonDocumentParser.MaxDepth));
        }

        _pos++;
    }

    private string ReadPropertyName()
    {
        if (AtEnd)
        {
            throw ErrorHere("Expected a property name in double quotes or '}'");
        }

        var c = _text[_pos];
        if (c == '"')
        {
            return ReadString();
        }

        if (c == '\'')
        {
            throw Error(_pos, 1, "Property names must be in double quotes (\"), not single quotes");
        }

        if (IsWordStart(c))
        {
            var end = WordEnd(_pos);
            throw Error(_pos, end - _pos, "Property name " + Quote(_pos, end) + " must be in double quotes (\")");
        }

        throw ErrorHere("Expected a property name in double quotes or '}'");
    }

    /// <summary>Reads the string whose opening quote is at the current position and returns it unescaped.</summary>
    private string ReadString()
    {
        var open = _pos;
        _pos++;
        var runStart = _pos;
        StringBuilder? unescaped = null;
        while (true)
        {
            CheckCancellation();
            if (AtEnd)
            {
                throw Error(open, 1, "Unterminated string: no closing '\"' before the end of the text");
            }

            var c = _text[_pos];
            if (c == '"')
            {
                var value = unescaped is null
                    ? _text.Substring(runStart, _pos - runStart)
                    : unescaped.Append(_text, runStart, _pos - runStart).ToString();
                _pos++;
                return value;
            }

            if (c == '\\')
            {
                unescaped ??= new StringBuilder();
                unescaped.Append(_text, runStart, _pos - runStart);
                ReadEscape(open, unescaped);
                runStart = _pos;
                continue;
            }

            if (c < ' ')
            {
                throw c is '\r' or '\n'
                    ? Error(_pos, 1, "Unterminated string: a string cannot contain a line break (write it as \\n)")
                    : Error(_pos, 1, string.Format(CultureInfo.InvariantCulture, "Control character U+{0:X4} is not allowed in a string; write it as an escape such as \\u{0:X4}", (int)c));
            }

            if (char.IsHighSurrogate(c) && _pos + 1 < _text.Length && char.IsLowSurrogate(_text[_pos + 1]))
            {
                _pos += 2;
                continue;
            }

            if (char.IsSurrogate(c))
            {
                throw Error(_pos, 1, "Unpaired surrogate " + Describe(c) + " in a string");
            }

            _pos++;
        }
    }

    /// <summary>Reads the escape sequence at the current position (a backslash) into <paramref name="unescaped"/>.</summary>
    private void ReadEscape(int open, StringBuilder unescaped)
    {
        var escape = _pos;
        if (escape + 1 >= _text.Length)
        {
            throw Error(open, 1, "Unterminated string: no closing '\"' before the end of the text");
        }

        var c = _text[escape + 1];
        char simple;
        switch (c)
        {
            case '"':
            case '\\':
            case '/':
                simple = c;
                break;
            case 'b':
                simple = '\b';
                break;
            case 'f':
                simple = '\f';
                break;
            case 'n':
                simple = '\n';
                break;
            case 'r':
                simple = '\r';
                break;
            case 't':
                simple = '\t';
                break;
            case 'u':
                ReadUnicodeEscape(unescaped);
                return;
            default:
                throw Error(escape, 2, "Invalid escape sequence '\\' followed by " + Describe(c) + "; the escapes are \\\", \\\\, \\/, \\b, \\f, \\n, \\r, \\t and \\u followed by 4 hex digits");
        }

        unescaped.Append(simple);
        _pos += 2;
    }

    /// <summary>Reads a <c>\uXXXX</c> escape, or a surrogate pair of them, at the current position.</summary>
    private void ReadUnicodeEscape(StringBuilder unescaped)
    {
        var first = _pos;
        var high = ReadHex4();
        if (char.IsLowSurrogate(high))
        {
            throw Error(first, 6, string.Format(CultureInfo.InvariantCulture, "Invalid escape \\u{0:X4}: a low surrogate must follow a high surrogate escape (\\uD800-\\uDBFF)", (int)high));
        }

        if (!char.IsHighSurrogate(high))
        {
            unescaped.Append(high);
            return;
        }

        var pairMessage = string.Format(CultureInfo.InvariantCulture, "Invalid escape \\u{0:X4}: a high surrogate must be followed by a low surrogate escape (\\uDC00-\\uDFFF)", (int)high);
        if (_pos + 1 >= _text.Length || _text[_pos] != '\\' || _text[_pos + 1] != 'u')
        {
            throw Error(first, 6, pairMessage);
        }

        var low = ReadHex4();
        if (!char.IsLowSurrogate(low))
        {
            throw Error(first, 6, pairMessage);
        }

        unescaped.Append(high).Append(low);
    }

    /// <summary>Reads the <c>\u</c> and 4 hex digits at the current position.</summary>
    private char ReadHex4()
    {
        var escape = _pos;
        _pos += 2;
        var value = 0;
        for (var i = 0; i < 4; i++, _pos++)
        {
            var digit = AtEnd ? -1 : HexValue(_text[_pos]);
            if (digit < 0)
            {
                throw Error(_pos, AtEnd ? 0 : 1, "Invalid escape sequence: \\u must be followed by 4 hex digits");
            }

            value = (value << 4) | digit;
        }

        return (char)value;
    }

    private JsonScalar ReadNumber()
    {
        var start = _pos;
        if (_text[_pos] == '-')
        {
            _pos++;
            RequireDigit("Expected a digit after '-'");
        }

        if (_text[_pos] == '0')
        {
            _pos++;
            if (!AtEnd && IsDigit(_text[_pos]))
            {
                throw Error(_pos, 1, "Invalid number: leading zeros are not allowed");
            }
        }
        else
        {
            SkipDigits();
        }

        if (!AtEnd && _text[_pos] == '.')
        {
            _pos++;
            RequireDigit("Expected a digit after the decimal point");
            SkipDigits();
        }

        if (!AtEnd && _text[_pos] is 'e' or 'E')
        {
            _pos++;
            if (!AtEnd && _text[_pos] is '+' or '-')
            {
                _pos++;
            }

            RequireDigit("Expected a digit in the exponent");
            SkipDigits();
        }

        // Other characters after a number are left to the caller, which expects ',', a closing bracket or the end.
        if (!AtEnd && (IsWordPart(_text[_pos]) || _text[_pos] is '.' or '+' or '-'))
        {
            throw Error(_pos, 1, "Invalid number: unexpected " + Describe(_text[_pos]));
        }

        return new JsonScalar(Span(start, _pos), JsonScalarKind.Number, _text.Substring(start, _pos - start));
    }

    private void RequireDigit(string message)
    {
        if (AtEnd || !IsDigit(_text[_pos]))
        {
            throw ErrorHere(message);
        }
    }

    private void SkipDigits()
    {
        while (!AtEnd && IsDigit(_text[_pos]))
        {
            CheckCancellation();
            _pos++;
        }
    }

    /// <summary>Reads <c>true</c>, <c>false</c> or <c>null</c>; any other word is an error covering the word.</summary>
    private JsonScalar ReadLiteral()
    {
        var start = _pos;
        var end = WordEnd(start);
        var length = end - start;
        JsonScalarKind? kind = length switch
        {
            4 when string.CompareOrdinal(_text, start, "true", 0, 4) == 0 => JsonScalarKind.True,
            5 when string.CompareOrdinal(_text, start, "false", 0, 5) == 0 => JsonScalarKind.False,
            4 when string.CompareOrdinal(_text, start, "null", 0, 4) == 0 => JsonScalarKind.Null,
            _ => null,
        };

        if (kind is not { } found)
        {
            var word = Quote(start, end);
            var lower = length <= 5 ? _text.Substring(start, length).ToLowerInvariant() : string.Empty;
            throw Error(start, length, lower is "true" or "false" or "null"
                ? "Invalid value " + word + "; did you mean '" + lower + "'?"
                : "Invalid value " + word + "; expected " + ValueKinds);
        }

        _pos = end;
        var value = found switch
        {
            JsonScalarKind.True => bool.TrueString,
            JsonScalarKind.False => bool.FalseString,
            _ => null,
        };
        return new JsonScalar(Span(start, end), found, value);
    }

    /// <summary>Skips JSON whitespace and comments.</summary>
    private void SkipTrivia()
    {
        while (!AtEnd)
        {
            CheckCancellation();
            var c = _text[_pos];
            if (c is ' ' or '\t' or '\r' or '\n')
            {
                _pos++;
            }
            else if (c == '/')
            {
                SkipComment();
            }
            else
            {
                return;
            }
        }
    }

    /// <summary>Skips JSON whitespace only.</summary>
    private void SkipWhitespace()
    {
        while (!AtEnd && _text[_pos] is ' ' or '\t' or '\r' or '\n')
        {
            CheckCancellation();
            _pos++;
        }
    }

    /// <summary>Skips the comment whose '/' is at the current position.</summary>
    private void SkipComment()
    {
        var start = _pos;
        var kind = start + 1 < _text.Length ? _text[start + 1] : '\0';
        if (kind == '/')
        {
            _pos += 2;
            while (!AtEnd && _text[_pos] is not ('\r' or '\n'))
            {
                CheckCancellation();
                if (_text[_pos] is '\u2028' or '\u2029')
                {
                    // System.Text.Json rejects these: JavaScript would end the comment there.
                    throw Error(_pos, 1, "Character " + Describe(_text[_pos]) + " (a line or paragraph separator) is not allowed in a // comment");
                }

                _pos++;
            }

            return;
        }

        if (kind == '*')
        {
            _pos += 2;
            while (true)
            {
                CheckCancellation();
                if (_pos + 1 >= _text.Length)
                {
                    throw Error(start, 2, "Unterminated comment: no closing '*/' before the end of the text");
                }

                if (_text[_pos] == '*' && _text[_pos + 1] == '/')
                {
                    _pos += 2;
                    return;
                }

                _pos++;
            }
        }

        throw Error(start, 1, "Invalid comment: '/' must be followed by '/' or '*'");
    }

    private void CheckCancellation()
    {
        if (_pos >= _nextCancellationCheck)
        {
            _cancellationToken.ThrowIfCancellationRequested();
            _nextCancellationCheck = _pos + CancellationInterval;
        }
    }

    private SourceSpan Span(int start, int end) => _lines.Span(start, end, _shift);

    private static JsonSyntaxException Error(int start, int length, string message) => new(start, length, message);

    /// <summary>An error at the current character, or at the end of the text (saying so).</summary>
    private JsonSyntaxException ErrorHere(string message) =>
        AtEnd ? Error(_pos, 0, message + ", found the end of the text") : Error(_pos, 1, message);

    /// <summary>The end of the identifier-like word starting at <paramref name="start"/>.</summary>
    private int WordEnd(int start)
    {
        var end = start;
        while (end < _text.Length && IsWordPart(_text[end]))
        {
            if ((++end & (CancellationInterval - 1)) == 0)
            {
                _cancellationToken.ThrowIfCancellationRequested();
            }
        }

        return end;
    }

    /// <summary>The word from <paramref name="start"/> to <paramref name="end"/> in quotes, shortened when long.</summary>
    private string Quote(int start, int end) =>
        end - start <= MaxQuotedWord
            ? "'" + _text.Substring(start, end - start) + "'"
            : "'" + _text.Substring(start, MaxQuotedWord) + "...'";

    private static bool IsDigit(char c) => c is >= '0' and <= '9';

    private static bool IsWordStart(char c) => c is '_' or '$' || char.IsLetter(c);

    private static bool IsWordPart(char c) => c is '_' or '$' || char.IsLetterOrDigit(c);

    private static int HexValue(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'a' and <= 'f' => c - 'a' + 10,
        >= 'A' and <= 'F' => c - 'A' + 10,
        _ => -1,
    };

    /// <summary>A character for a message: <c>'x'</c> when printable ASCII, <c>U+XXXX</c> otherwise.</summary>
    private static string Describe(char c) =>
        c is > ' ' and < '\u007F'
            ? "'" + c + "'"
            : string.Format(CultureInfo.InvariantCulture, "U+{0:X4}", (int)c);
}
