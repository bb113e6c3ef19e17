using System.Collections.Generic;
using System.Globalization;
using Microsoft.Extensions.Configuration;
using TypedFlags.Manifest.Overrides;

namespace TypedFlags;

/// <summary>
/// A <see cref="FlagOverride"/> as the configuration keys it stands for (<c>Flags:&lt;key&gt;:Value</c>,
/// <c>Flags:&lt;key&gt;:Targets:0:Target</c>, ...). The store's validation and the engine both read these keys with
/// <see cref="OverrideReader"/>, so a store override means exactly what the same object in appsettings.json means.
/// </summary>
internal static class FlagOverrideEntries
{
    /// <summary>Adds the keys of <paramref name="value"/> for flag <paramref name="key"/> under <paramref name="section"/>.</summary>
    public static void Add(Dictionary<string, string> keys, string section, string key, FlagOverride value)
    {
        var prefix = section + ConfigurationPath.KeyDelimiter + key + ConfigurationPath.KeyDelimiter;
        AddValue(keys, prefix + "Value", value.Value);
        AddValue(keys, prefix + "State", value.State);
        AddValue(keys, prefix + "Rollout", value.Rollout);
        AddList(keys, prefix + "Allow", value.Allow);
        AddList(keys, prefix + "Deny", value.Deny);
        if (value.Targets is { } targets)
        {
            // The array form: it keeps targets that differ only in case, contain ':' or are numbers.
            for (var i = 0; i < targets.Count; i++)
            {
                var at = prefix + "Targets" + ConfigurationPath.KeyDelimiter + i.ToString(CultureInfo.InvariantCulture) + ConfigurationPath.KeyDelimiter;
                AddValue(keys, at + "Target", targets[i].Target);
                AddValue(keys, at + "Value", targets[i].Value);
                AddValue(keys, at + "State", targets[i].State);
                AddValue(keys, at + "Expires", targets[i].Expires);
            }
        }

        AddValue(keys, prefix + "Expires", value.Expires);
    }

    /// <summary>The keys of <paramref name="value"/> as the reader's entries, all from one provider.</summary>
    public static List<OverrideEntry> Entries(string section, string key, FlagOverride value, object? origin)
    {
        var keys = new Dictionary<string, string>();
        Add(keys, section, key, value);
        var entries = new List<OverrideEntry>(keys.Count);
        foreach (var pair in keys)
        {
            entries.Add(new OverrideEntry(pair.Key, pair.Value, hasValue: true, order: 0, origin));
        }

        return entries;
    }

    private static void AddValue(Dictionary<string, string> keys, string path, string? value)
    {
        if (value is not null)
        {
            keys[path] = value;
        }
    }

    private static void AddList(Dictionary<string, string> keys, string path, IReadOnlyList<string>? values)
    {
        if (values is null)
        {
            return;
        }

        for (var i = 0; i < values.Count; i++)
        {
            keys[path + ConfigurationPath.KeyDelimiter + i.ToString(CultureInfo.InvariantCulture)] = values[i];
        }
    }
}
