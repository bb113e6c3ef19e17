using TypedFlags.Manifest.Diagnostics;

namespace TypedFlags.Manifest.Json;

/// <summary>What <see cref="JsonDocumentParser.Parse"/> read: either a root value or the first syntax error.</summary>
/// <param name="Root">The root value (any kind: checking that it is an object is up to the caller), or null when there is an error.</param>
/// <param name="Error">The first syntax error, as a sentence without a trailing period, or null when the text is valid.</param>
/// <param name="ErrorSpan">Where the error is: usually the offending character (empty at the end of the text), or null when the text is valid.</param>
public sealed record JsonParseResult(JsonNode? Root, string? Error, SourceSpan? ErrorSpan)
{
    /// <summary>True when the text was read without error.</summary>
    public bool Success => Error is null;
}
