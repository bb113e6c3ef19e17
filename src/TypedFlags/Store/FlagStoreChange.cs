using System;
using System.Threading;
using System.Threading.Tasks;

namespace TypedFlags;

/// <summary>
/// Read, change, write back: reads a flag's current override from <see cref="FlagStore.Current"/>, applies a change
/// (<see cref="FlagOverrideChanges"/>) and writes the result based on the revision it read, so a change another operator
/// made in between is a conflict, not lost. The CLI's store commands and the admin API share it.
/// </summary>
public static class FlagStoreChange
{
    /// <summary>Applies <paramref name="change"/> to <paramref name="key"/>'s override and writes it.</summary>
    /// <param name="store">The store.</param>
    /// <param name="manifest">The declared flags the write must fit.</param>
    /// <param name="key">The flag key.</param>
    /// <param name="change">From the current override (or null) to the new one; null removes the override.</param>
    /// <param name="actor">Who makes the change.</param>
    /// <param name="reason">Why.</param>
    /// <param name="expectedRevision">
    /// The flag revision the caller saw (an ETag); a different current revision is a conflict and nothing is written.
    /// Null to base the write on the revision read here.
    /// </param>
    /// <param name="cancellationToken">Cancels the write before it commits.</param>
    /// <returns>The store's result; <see cref="FlagStoreWriteResult.Entry"/> holds the before and after of a written change.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static Task<FlagStoreWriteResult> ApplyAsync(
        FlagStore store,
        FlagManifest manifest,
        string key,
        Func<FlagOverride?, FlagOverride?> change,
        string actor,
        string reason,
        long? expectedRevision = null,
        CancellationToken cancellationToken = default)
    {
        if (store is null)
        {
            throw new ArgumentNullException(nameof(store));
        }

        if (key is null)
        {
            throw new ArgumentNullException(nameof(key));
        }

        if (change is null)
        {
            throw new ArgumentNullException(nameof(change));
        }

        store.Current.Entries.TryGetValue(key, out var current);
        var read = current?.Revision ?? 0;
        if (expectedRevision is { } expected && expected != read)
        {
            return Task.FromResult(FlagStoreWriteResult.Conflict(key, expected, read));
        }

        var after = change(current?.Override);
        var write = after is null
            ? FlagStoreWrite.Remove(key, actor, reason, read)
            : FlagStoreWrite.Set(key, after, actor, reason, read);
        return store.WriteAsync(manifest, write, cancellationToken);
    }
}
