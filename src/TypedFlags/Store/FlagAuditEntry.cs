using System;

namespace TypedFlags;

/// <summary>
/// One change in a flag store's history, appended in the same transaction as the change. Revisions are store-wide and
/// strictly increasing: every write gets the next one, which is also the flag's new <see cref="FlagStoreEntry.Revision"/>.
/// </summary>
public sealed class FlagAuditEntry
{
    /// <summary>Creates an entry (backends, reading their history).</summary>
    public FlagAuditEntry(long revision, DateTimeOffset timestamp, string actor, string reason, string key, FlagOverride? before, FlagOverride? after)
    {
        Revision = revision;
        Timestamp = timestamp.ToUniversalTime();
        Actor = actor ?? throw new ArgumentNullException(nameof(actor));
        Reason = reason ?? throw new ArgumentNullException(nameof(reason));
        Key = key ?? throw new ArgumentNullException(nameof(key));
        Before = before;
        After = after;
    }

    /// <summary>The store-wide revision of the change.</summary>
    public long Revision { get; }

    /// <summary>When it was written, UTC (the store's clock).</summary>
    public DateTimeOffset Timestamp { get; }

    /// <summary>Who made it.</summary>
    public string Actor { get; }

    /// <summary>Why.</summary>
    public string Reason { get; }

    /// <summary>The flag key.</summary>
    public string Key { get; }

    /// <summary>The override before the change; null when there was none.</summary>
    public FlagOverride? Before { get; }

    /// <summary>The override after the change; null for a removal.</summary>
    public FlagOverride? After { get; }
}
