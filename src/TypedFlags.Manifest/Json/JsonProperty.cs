using TypedFlags.Manifest.Diagnostics;

namespace TypedFlags.Manifest.Json;

/// <summary>One <c>"name": value</c> pair of a <see cref="JsonObject"/>.</summary>
/// <param name="Name">The unescaped property name.</param>
/// <param name="NameSpan">Where the name is, quotes included.</param>
/// <param name="Value">The property's value.</param>
public sealed record JsonProperty(string Name, SourceSpan NameSpan, JsonNode Value);
