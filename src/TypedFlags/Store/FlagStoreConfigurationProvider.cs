using System;
using System.Collections.Generic;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Primitives;

namespace TypedFlags;

/// <summary>
/// A <see cref="FlagStore"/>'s current overrides as configuration keys under the flags' section, layered by the engine
/// after every other provider (the flags' environment variables included): the store has the last word, field by field,
/// with the same reader, grammar, warnings and reload path as configuration. Evaluations it decides report
/// <see cref="FlagStore.Source"/>. It answers from the store's in-memory snapshot; it never touches the database.
/// </summary>
internal sealed class FlagStoreConfigurationProvider : IConfigurationProvider
{
    private readonly FlagStore _store;
    private readonly string _section;
    private FlagStoreSnapshot? _loaded;
    private Dictionary<string, string> _data = new(StringComparer.OrdinalIgnoreCase);

    public FlagStoreConfigurationProvider(FlagStore store, string section)
    {
        _store = store;
        _section = section;
    }

    /// <summary>The store's source name, which every key of this provider reports.</summary>
    public string Source => _store.Source;

    /// <summary>True when the keys are those of the store's current snapshot.</summary>
    public bool IsCurrent => ReferenceEquals(_store.Current, _loaded);

    /// <summary>Takes the store's current snapshot, if it changed since the last load.</summary>
    public void Load()
    {
        var current = _store.Current;
        if (ReferenceEquals(current, _loaded))
        {
            return;
        }

        var data = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var entry in current.Entries.Values)
        {
            if (entry.Override is { } value)
            {
                FlagOverrideEntries.Add(data, _section, entry.Key, value);
            }
        }

        _data = data;
        _loaded = current;
    }

    public bool TryGet(string key, out string? value)
    {
        if (_data.TryGetValue(key, out var found))
        {
            value = found;
            return true;
        }

        value = null;
        return false;
    }

    /// <summary>The store changes only through writes.</summary>
    public void Set(string key, string? value)
    {
    }

    public IChangeToken GetReloadToken() => _store.GetChangeToken();

    public IEnumerable<string> GetChildKeys(IEnumerable<string> earlierKeys, string? parentPath) =>
        ConfigurationChildKeys.Of(_data.Keys, earlierKeys, parentPath);

    public override string ToString() => _store.Source;
}
