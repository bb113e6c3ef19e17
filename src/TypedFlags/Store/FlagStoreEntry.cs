using System;

namespace TypedFlags;

/// <summary>
/// A flag as a store holds it now: its override (null once removed) and the revision of its last change, which a write
/// names as its base revision (an ETag per flag).
/// </summary>
public sealed class FlagStoreEntry
{
    /// <summary>Creates an entry (backends, loading their state).</summary>
    public FlagStoreEntry(string key, FlagOverride? @override, long revision, DateTimeOffset updated, string actor)
    {
        Key = key ?? throw new ArgumentNullException(nameof(key));
        Override = @override;
        Revision = revision;
        Updated = updated.ToUniversalTime();
        Actor = actor ?? throw new ArgumentNullException(nameof(actor));
    }

    /// <summary>The flag key.</summary>
    public string Key { get; }

    /// <summary>The override; null when the last change removed it.</summary>
    public FlagOverride? Override { get; }

    /// <summary>The store-wide revision of the flag's last change.</summary>
    public long Revision { get; }

    /// <summary>When the last change was written, UTC.</summary>
    public DateTimeOffset Updated { get; }

    /// <summary>Who made the last change.</summary>
    public string Actor { get; }
}
