using System;

namespace TypedFlags;

/// <summary>
/// One change to a flag store: set a flag's override, or remove it, with who did it and why. A write that names the
/// revision it was based on (<see cref="BaseRevision"/>) is refused with a conflict when the flag has changed since, so
/// two operators never silently overwrite each other.
/// </summary>
public sealed class FlagStoreWrite
{
    private FlagStoreWrite(string key, FlagOverride? @override, string actor, string reason, long? baseRevision)
    {
        Key = key ?? throw new ArgumentNullException(nameof(key));
        Override = @override;
        Actor = actor ?? throw new ArgumentNullException(nameof(actor));
        Reason = reason ?? throw new ArgumentNullException(nameof(reason));
        BaseRevision = baseRevision;
    }

    /// <summary>The flag key, as flags.yaml declares it.</summary>
    public string Key { get; }

    /// <summary>The new override; null removes the flag's override (the flag falls back to configuration and flags.yaml).</summary>
    public FlagOverride? Override { get; }

    /// <summary>True when the write removes the override.</summary>
    public bool IsRemoval => Override is null;

    /// <summary>Who makes the change (a user name, a service); recorded in the audit entry. Must not be blank.</summary>
    public string Actor { get; }

    /// <summary>Why; recorded in the audit entry. Must not be blank.</summary>
    public string Reason { get; }

    /// <summary>
    /// The flag's revision the change was based on (<see cref="FlagStoreEntry.Revision"/>; 0 for a flag the store has
    /// never held), or null to write whatever the flag holds now.
    /// </summary>
    public long? BaseRevision { get; }

    /// <summary>A write that sets <paramref name="key"/>'s override.</summary>
    /// <param name="key">The flag key.</param>
    /// <param name="override">The override to set.</param>
    /// <param name="actor">Who makes the change.</param>
    /// <param name="reason">Why.</param>
    /// <param name="baseRevision">The flag revision it was based on, or null for none.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static FlagStoreWrite Set(string key, FlagOverride @override, string actor, string reason, long? baseRevision = null) =>
        new(key, @override ?? throw new ArgumentNullException(nameof(@override)), actor, reason, baseRevision);

    /// <summary>A write that removes <paramref name="key"/>'s override.</summary>
    /// <param name="key">The flag key.</param>
    /// <param name="actor">Who makes the change.</param>
    /// <param name="reason">Why.</param>
    /// <param name="baseRevision">The flag revision it was based on, or null for none.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static FlagStoreWrite Remove(string key, string actor, string reason, long? baseRevision = null) =>
        new(key, null, actor, reason, baseRevision);
}
