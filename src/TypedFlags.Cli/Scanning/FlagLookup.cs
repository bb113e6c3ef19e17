using System;
using System.Collections.Generic;

namespace TypedFlags.Cli.Scanning;

/// <summary>
/// What the scanners look for: the accessor names the generator derives (<see cref="TypedFlags.Manifest.Model.FlagModel.AccessorName"/>,
/// from the manifest library's naming rules) and the keys, both mapped to the declared keys they stand for. Two
/// projects may declare the same key or keys with the same accessor name; a reference then counts for each.
/// </summary>
internal sealed class FlagLookup
{
    private readonly Dictionary<string, List<string>> _byAccessor = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> _byKey = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, List<string>> _byHashName = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Builds the lookup from (key, accessor name) pairs of every declared flag.</summary>
    public FlagLookup(IEnumerable<(string Key, string AccessorName)> flags)
    {
        foreach (var (key, accessor) in flags)
        {
            Add(_byAccessor, accessor, key);
            Add(_byKey, key, key);
        }
    }

    /// <summary>The declared keys whose accessor (and <c>Keys</c> constant) is named <paramref name="name"/>.</summary>
    public IReadOnlyList<string>? ByAccessor(string name) => _byAccessor.TryGetValue(name, out var keys) ? keys : null;

    /// <summary>The declared keys equal to <paramref name="text"/> (keys compare case-insensitively, as everywhere).</summary>
    public IReadOnlyList<string>? ByKey(string text) => _byKey.TryGetValue(text, out var keys) ? keys : null;

    /// <summary>
    /// The declared keys a feature name in code stands for: keys equal to <paramref name="text"/>, else flags whose
    /// <c>hash_name</c> it is (TypedFlags.FeatureManagement resolves both, so <c>[FeatureGate("Home")]</c> reads the
    /// flag <c>home</c> declared with <c>hash_name: Home</c>), as the analyzers count them.
    /// </summary>
    public IReadOnlyList<string>? ByName(string text) => ByKey(text) ?? (_byHashName.TryGetValue(text, out var keys) ? keys : null);

    /// <summary>Registers <paramref name="hashName"/> as a feature name of the flag <paramref name="key"/>.</summary>
    public void AddHashName(string hashName, string key) => Add(_byHashName, hashName, key);

    /// <summary>True when some flag's accessor is named <paramref name="name"/>.</summary>
    public bool IsAccessor(string name) => _byAccessor.ContainsKey(name);

    private static void Add(Dictionary<string, List<string>> map, string name, string key)
    {
        if (!map.TryGetValue(name, out var keys))
        {
            map[name] = keys = new List<string>();
        }

        if (!keys.Contains(key))
        {
            keys.Add(key);
        }
    }
}
