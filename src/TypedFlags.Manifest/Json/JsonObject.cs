using System;
using System.Collections.Generic;
using TypedFlags.Manifest.Diagnostics;

namespace TypedFlags.Manifest.Json;

/// <summary>A JSON object, from its <c>{</c> to its <c>}</c>.</summary>
/// <param name="Span">From the <c>{</c> to just past the <c>}</c>.</param>
/// <param name="Properties">The properties in source order, duplicates included.</param>
public sealed record JsonObject(SourceSpan Span, IReadOnlyList<JsonProperty> Properties) : JsonNode(Span)
{
    /// <summary>
    /// The last property named <paramref name="name"/>, compared with <see cref="StringComparer.OrdinalIgnoreCase"/>
    /// (configuration keys are case-insensitive), or null when there is none.
    /// </summary>
    /// <param name="name">The unescaped property name to look for.</param>
    public JsonProperty? Find(string name)
    {
        if (name is null)
        {
            throw new ArgumentNullException(nameof(name));
        }

        for (var i = Properties.Count - 1; i >= 0; i--)
        {
            if (string.Equals(Properties[i].Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return Properties[i];
            }
        }

        return null;
    }
}
