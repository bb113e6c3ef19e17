using TypedFlags.Manifest.Diagnostics;

namespace TypedFlags.Manifest.Json;

/// <summary>A JSON string, number, <c>true</c>, <c>false</c> or <c>null</c>.</summary>
/// <param name="Span">The value's source text; a string's span includes its quotes.</param>
/// <param name="Kind">Which kind of scalar this is.</param>
/// <param name="Value">
/// The text Microsoft.Extensions.Configuration.Json stores for the value: a string unescaped, a number as its
/// source text (<c>1.50E+3</c> stays <c>1.50E+3</c>), <c>"True"</c> for true, <c>"False"</c> for false and null for null.
/// </param>
public sealed record JsonScalar(SourceSpan Span, JsonScalarKind Kind, string? Value) : JsonNode(Span);
