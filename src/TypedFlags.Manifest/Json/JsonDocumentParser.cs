using System;
using System.Globalization;
using System.Threading;
using TypedFlags.Manifest.Diagnostics;

namespace TypedFlags.Manifest.Json;

/// <summary>
/// Reads JSON the way Microsoft.Extensions.Configuration.Json reads appsettings*.json (System.Text.Json with
/// comments skipped and trailing commas allowed), keeping the location of every value. It has no dependencies,
/// so it loads inside the compiler, where System.Text.Json cannot be loaded safely.
/// </summary>
/// <remarks>
/// <para>
/// Accepted beyond strict JSON, as System.Text.Json accepts with <c>JsonCommentHandling.Skip</c> and
/// <c>AllowTrailingCommas</c>: <c>//</c> and <c>/* */</c> comments wherever whitespace is allowed except between a
/// property name and its <c>:</c>, one trailing comma after the last item of an object or array, and a byte order
/// mark (U+FEFF) as the first character. Everything else strict JSON rejects is an error, as are string escapes of
/// unpaired surrogates (configuration cannot read them as strings) and U+2028/U+2029 inside <c>//</c> comments.
/// </para>
/// <para>
/// Errors are located at the first character that cannot be read, except an unterminated string or <c>/*</c>
/// comment, which is located at its opening <c>"</c> or <c>/*</c>. Duplicate property names are kept (see
/// <see cref="JsonObject.Find"/>). When the text starts with a byte order mark, offsets count it and columns do not.
/// </para>
/// </remarks>
public static class JsonDocumentParser
{
    /// <summary>Longest text accepted, in characters; a longer text is an error at 1:1.</summary>
    public const int MaxCharacters = 8 * 1024 * 1024;

    /// <summary>Deepest nesting of objects and arrays accepted (the System.Text.Json default); the collection that goes deeper is an error.</summary>
    public const int MaxDepth = 64;

    /// <summary>Reads <paramref name="text"/> as one JSON document.</summary>
    /// <param name="text">The whole file.</param>
    /// <param name="cancellationToken">Checked every few thousand characters.</param>
    /// <returns>The root value, or the first syntax error and where it is.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static JsonParseResult Parse(string text, CancellationToken cancellationToken = default)
    {
        if (text is null)
        {
            throw new ArgumentNullException(nameof(text));
        }

        cancellationToken.ThrowIfCancellationRequested();
        if (text.Length > MaxCharacters)
        {
            var message = string.Format(CultureInfo.InvariantCulture, "The file has {0:N0} characters; the limit is {1:N0}", text.Length, MaxCharacters);
            return new JsonParseResult(null, message, SourceSpan.FileStart);
        }

        // As ManifestParser does: a byte order mark is not a column, but it is a character of the file.
        var shift = 0;
        if (text.Length > 0 && text[0] == '\uFEFF')
        {
            text = text.Substring(1);
            shift = 1;
        }

        var lines = new LineMap(text);
        try
        {
            var root = new JsonTextParser(text, lines, shift, cancellationToken).ParseDocument();
            return new JsonParseResult(root, null, null);
        }
        catch (JsonSyntaxException ex)
        {
            return new JsonParseResult(null, ex.Message, lines.Span(ex.Start, ex.Start + ex.Length, shift));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Last line of defence: a bug here must become an error on the file, never an analyzer crash.
            return new JsonParseResult(null, "Internal error in the JSON reader: " + ex.GetType().Name + ": " + ex.Message, SourceSpan.FileStart);
        }
    }
}
