using TypedFlags.Manifest.Diagnostics;

namespace TypedFlags.Manifest.Json;

/// <summary>A JSON value read by <see cref="JsonDocumentParser"/>: a <see cref="JsonObject"/>, a <see cref="JsonArray"/> or a <see cref="JsonScalar"/>.</summary>
/// <param name="Span">Where the value is in the text: from its first character to just past its last (quotes and brackets included).</param>
public abstract record JsonNode(SourceSpan Span);
