using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using Microsoft.Extensions.Configuration;

namespace TypedFlags.FeatureManagement;

/// <summary>
/// The configuration of each variant (flags.yaml's <c>configuration:</c>, Microsoft.FeatureManagement's
/// <c>configuration_value</c>) as the <see cref="IConfigurationSection"/> that <c>Variant.Configuration</c> is: built once
/// per flag from the declarations, which never change while the app runs.
/// </summary>
internal sealed class VariantConfigurations
{
    private readonly ConcurrentDictionary<FlagDefinition, IConfiguration> _byFlag = new();

    /// <summary>
    /// The section of <paramref name="variant"/>: its value for a scalar (<c>Value</c> is <c>300px</c>), its children for
    /// a mapping (<c>["Size"]</c>), and an empty section when it declares none, as Microsoft.FeatureManagement gives.
    /// </summary>
    public IConfigurationSection For(FlagDefinition flag, string variant) =>
        _byFlag.GetOrAdd(flag, static definition => Build(definition.VariantConfiguration)).GetSection(variant);

    private static IConfiguration Build(IReadOnlyList<KeyValuePair<string, string>> entries)
    {
        var data = new Dictionary<string, string?>(entries.Count, StringComparer.OrdinalIgnoreCase);
        foreach (var entry in entries)
        {
            // An empty value is a YAML null: the key exists, its Value is null, as a JSON null reads.
            data[entry.Key] = entry.Value.Length == 0 ? null : entry.Value;
        }

        return new ConfigurationBuilder().AddInMemoryCollection(data).Build();
    }
}
