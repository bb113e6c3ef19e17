using System;
using System.Collections.Generic;

namespace TypedFlags.Store.PostgreSql;

/// <summary>One flag's stored override: the §4.2 object form as canonical JSON text (null once removed: the row stays, its revision is a base for writes), and the revision that last changed it.</summary>
internal sealed record StoredOverride(string Key, string? Value, long Revision, DateTimeOffset UpdatedAt, string UpdatedBy);

/// <summary>Everything the store holds at one store revision, read in one database snapshot.</summary>
internal sealed record StoreContents(long Revision, IReadOnlyDictionary<string, StoredOverride> Overrides)
{
    public static StoreContents Empty { get; } = new(0, new Dictionary<string, StoredOverride>(StringComparer.Ordinal));
}

/// <summary>One audit entry: written in the transaction of the change it records.</summary>
internal sealed record StoreAuditEntry(long Revision, DateTimeOffset ChangedAt, string Actor, string Reason, string Key, string? Before, string? After);

/// <summary>A write: the new override of <paramref name="Key"/> (null removes it), who and why, and optionally the key's revision it was based on.</summary>
internal sealed record StoreWrite(string Key, string? Value, string Actor, string Reason, long? BaseRevision = null);

/// <summary>A write whose base revision is not the key's current one: someone else changed the flag first. Nothing was written.</summary>
internal sealed class StoreConflictException : Exception
{
    public StoreConflictException(string key, long baseRevision, long currentRevision)
        : base($"Flag '{key}' changed since revision {baseRevision} (it is at revision {currentRevision} now); nothing was written. Read it again and retry.")
    {
        Key = key;
        BaseRevision = baseRevision;
        CurrentRevision = currentRevision;
    }

    public string Key { get; }

    public long BaseRevision { get; }

    public long CurrentRevision { get; }
}
