using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;

namespace TypedFlags;

/// <summary>
/// Everything a flag store holds at one revision: the in-memory copy an engine reads from, so that flag reads never
/// touch the database.
/// </summary>
public sealed class FlagStoreSnapshot
{
    /// <summary>Creates a snapshot.</summary>
    /// <param name="revision">The store's latest revision (0 for an empty store).</param>
    /// <param name="entries">Every flag the store has held, removed ones included (their revision is still a base for writes).</param>
    public FlagStoreSnapshot(long revision, IEnumerable<FlagStoreEntry> entries)
    {
        if (entries is null)
        {
            throw new ArgumentNullException(nameof(entries));
        }

        Revision = revision;
        var byKey = new Dictionary<string, FlagStoreEntry>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            byKey[entry.Key] = entry;
        }

        Entries = new ReadOnlyDictionary<string, FlagStoreEntry>(byKey);
    }

    /// <summary>An empty store, before anything is loaded.</summary>
    public static FlagStoreSnapshot Empty { get; } = new(0, Array.Empty<FlagStoreEntry>());

    /// <summary>The store's latest revision.</summary>
    public long Revision { get; }

    /// <summary>Every flag the store has held, by key (ordinal).</summary>
    public IReadOnlyDictionary<string, FlagStoreEntry> Entries { get; }

    /// <summary>The revision a write to <paramref name="key"/> must name as its base: its last change, or 0.</summary>
    public long RevisionOf(string key) => Entries.TryGetValue(key, out var entry) ? entry.Revision : 0;
}
