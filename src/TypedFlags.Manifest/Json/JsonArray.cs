using System.Collections.Generic;
using TypedFlags.Manifest.Diagnostics;

namespace TypedFlags.Manifest.Json;

/// <summary>A JSON array, from its <c>[</c> to its <c>]</c>.</summary>
/// <param name="Span">From the <c>[</c> to just past the <c>]</c>.</param>
/// <param name="Items">The items in source order.</param>
public sealed record JsonArray(SourceSpan Span, IReadOnlyList<JsonNode> Items) : JsonNode(Span);
