using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;

namespace TypedFlags.Cli.Import;

/// <summary>
/// How Microsoft.Extensions.Configuration layers one JSON file over another: objects merge key by key (ignoring case,
/// as configuration keys do), arrays merge by position (<c>feature_flags:0</c> of a later file overwrites the fields of
/// <c>feature_flags:0</c> of an earlier one, whatever its <c>id</c>), and a later scalar replaces an earlier one.
/// Microsoft.FeatureManagement 4.7.0 reads <c>feature_management:feature_flags</c> through that merge unless the app
/// sets <c>ConfigurationFeatureDefinitionProviderOptions.CustomConfigurationMergingEnabled</c>, so the import has to
/// apply it too to know what an environment file really changes.
/// </summary>
internal static class ConfigurationMerge
{
    /// <summary><paramref name="later"/> layered over <paramref name="earlier"/>; neither is changed.</summary>
    public static JsonNode? Layer(JsonNode? earlier, JsonNode? later)
    {
        if (later is null)
        {
            return earlier?.DeepClone();
        }

        if (earlier is JsonObject earlierObject && later is JsonObject laterObject)
        {
            var merged = new JsonObject();
            foreach (var (name, value) in earlierObject)
            {
                merged[name] = value?.DeepClone();
            }

            foreach (var (name, value) in laterObject)
            {
                var existing = merged.FirstOrDefault(p => string.Equals(p.Key, name, StringComparison.OrdinalIgnoreCase));
                if (existing.Key is null)
                {
                    merged[name] = value?.DeepClone();
                }
                else
                {
                    var layered = Layer(existing.Value, value);
                    merged.Remove(existing.Key);
                    merged[existing.Key] = layered;
                }
            }

            return merged;
        }

        if (earlier is JsonArray earlierArray && later is JsonArray laterArray)
        {
            return new JsonArray(Enumerable.Range(0, Math.Max(earlierArray.Count, laterArray.Count))
                .Select(i => i < laterArray.Count ? Layer(i < earlierArray.Count ? earlierArray[i] : null, laterArray[i]) : earlierArray[i]?.DeepClone())
                .ToArray());
        }

        return later.DeepClone();
    }

    /// <summary>The last entry of <paramref name="features"/> with this id (ignoring case), as Microsoft.FeatureManagement picks it.</summary>
    public static JsonObject? Feature(IReadOnlyList<JsonNode?> features, string id) =>
        features.OfType<JsonObject>().LastOrDefault(f => string.Equals(Id(f), id, StringComparison.OrdinalIgnoreCase));

    /// <summary>The <c>id</c> of a feature entry, or null.</summary>
    public static string? Id(JsonNode? feature) =>
        feature is JsonObject o && o.FirstOrDefault(p => string.Equals(p.Key, "id", StringComparison.OrdinalIgnoreCase)).Value is JsonValue v && v.TryGetValue<string>(out var id) ? id : null;
}
