using System.Collections.Generic;
using System.Globalization;
using TypedFlags.Manifest.Diagnostics;
using TypedFlags.Manifest.Json;

namespace TypedFlags.Manifest.Overrides;

/// <summary>Where a key of an appsettings file is written: its name and its value.</summary>
/// <param name="NameSpan">The property name (for an array item, the item).</param>
/// <param name="ValueSpan">The value.</param>
public sealed record JsonOrigin(SourceSpan NameSpan, SourceSpan ValueSpan);

/// <summary>
/// Flattens a JSON document into configuration keys the way the JSON configuration provider does (nested names
/// joined with ':', array items by index, null and empty objects or arrays as a key without a value), with each
/// key's <see cref="JsonOrigin"/>, so the analyzer reads appsettings files with the runtime's
/// <see cref="OverrideReader"/>.
/// </summary>
public static class JsonOverrideEntries
{
    /// <summary>Every key of <paramref name="root"/>, all in one provider (order 0).</summary>
    public static List<OverrideEntry> Flatten(JsonObject root)
    {
        var entries = new List<OverrideEntry>();
        foreach (var property in root.Properties)
        {
            Add(property.Name, property.NameSpan, property.Value, entries);
        }

        return entries;
    }

    private static void Add(string path, SourceSpan nameSpan, JsonNode value, List<OverrideEntry> entries)
    {
        var origin = new JsonOrigin(nameSpan, value.Span);
        switch (value)
        {
            case JsonObject { Properties.Count: > 0 } obj:
                entries.Add(new OverrideEntry(path, null, hasValue: false, 0, origin));
                foreach (var property in obj.Properties)
                {
                    Add(path + ":" + property.Name, property.NameSpan, property.Value, entries);
                }

                break;
            case JsonArray { Items.Count: > 0 } array:
                entries.Add(new OverrideEntry(path, null, hasValue: false, 0, origin));
                for (var i = 0; i < array.Items.Count; i++)
                {
                    var item = array.Items[i];
                    Add(path + ":" + i.ToString(CultureInfo.InvariantCulture), item.Span, item, entries);
                }

                break;
            case JsonScalar scalar:
                entries.Add(new OverrideEntry(path, scalar.Value, hasValue: true, 0, origin));
                break;
            default:
                // An empty object or array: the provider keeps the key, without a value.
                entries.Add(new OverrideEntry(path, null, hasValue: true, 0, origin));
                break;
        }
    }
}
