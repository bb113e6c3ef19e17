namespace TypedFlags;

/// <summary>What became of a <see cref="FlagStoreWrite"/>.</summary>
public enum FlagStoreWriteStatus
{
    /// <summary>Written, with its audit entry, in one transaction.</summary>
    Written,

    /// <summary>Not valid for the manifest (TF2001/TF2002 wording) or missing its actor or reason; nothing was written.</summary>
    Rejected,

    /// <summary>The flag changed after the write's base revision; nothing was written.</summary>
    Conflict,
}

/// <summary>The outcome of <see cref="FlagStore.WriteAsync"/>.</summary>
public sealed class FlagStoreWriteResult
{
    private FlagStoreWriteResult(FlagStoreWriteStatus status, long revision, string? message, string? field, FlagAuditEntry? entry)
    {
        Status = status;
        Revision = revision;
        Message = message;
        Field = field;
        Entry = entry;
    }

    /// <summary>Written, rejected or conflict.</summary>
    public FlagStoreWriteStatus Status { get; }

    /// <summary>True when the write was stored.</summary>
    public bool Succeeded => Status == FlagStoreWriteStatus.Written;

    /// <summary>
    /// <see cref="FlagStoreWriteStatus.Written"/>: the new revision (the flag's, and the audit entry's);
    /// <see cref="FlagStoreWriteStatus.Conflict"/>: the flag's current revision, to read it again and retry;
    /// <see cref="FlagStoreWriteStatus.Rejected"/>: 0.
    /// </summary>
    public long Revision { get; }

    /// <summary>Why the write was rejected or conflicted, in words an operator can act on; null when written.</summary>
    public string? Message { get; }

    /// <summary>
    /// For a rejection, the part of the write at fault: <c>Key</c>, <c>Actor</c>, <c>Reason</c>, or a field path of the
    /// override (<c>Value</c>, <c>Targets:0:Expires</c>); null otherwise.
    /// </summary>
    public string? Field { get; }

    /// <summary>The audit entry the write appended; null unless written.</summary>
    public FlagAuditEntry? Entry { get; }

    /// <summary>A stored write and its audit entry.</summary>
    public static FlagStoreWriteResult Written(FlagAuditEntry entry) =>
        new(FlagStoreWriteStatus.Written, (entry ?? throw new System.ArgumentNullException(nameof(entry))).Revision, null, null, entry);

    /// <summary>A rejected write.</summary>
    /// <param name="message">The reason, in TF2001/TF2002 wording for a key or value.</param>
    /// <param name="field">The part of the write at fault.</param>
    public static FlagStoreWriteResult Rejected(string message, string field) => new(FlagStoreWriteStatus.Rejected, 0, message, field, null);

    /// <summary>A write whose base revision is not the flag's current one.</summary>
    /// <param name="key">The flag key.</param>
    /// <param name="baseRevision">The revision the write was based on.</param>
    /// <param name="currentRevision">The flag's current revision.</param>
    public static FlagStoreWriteResult Conflict(string key, long baseRevision, long currentRevision) => new(
        FlagStoreWriteStatus.Conflict,
        currentRevision,
        $"Flag '{key}' changed after revision {baseRevision}: its current revision is {currentRevision}. Read it again and retry; nothing was written.",
        "BaseRevision",
        null);
}
