using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Primitives;

namespace TypedFlags;

/// <summary>
/// A store of runtime overrides (SPEC §8): each flag's override in the object form of configuration, changed by
/// validated, audited writes, and applied as the highest-precedence override source of every engine it is attached
/// to (<see cref="FlagOptions.Store"/>, or <c>AddFlagStore</c> with dependency injection).
/// </summary>
/// <remarks>
/// <para>
/// The base class does what every backend must do the same way: it validates each write against the manifest
/// (<see cref="FlagStoreValidation"/>) before the backend sees it, keeps the last good <see cref="Current"/> snapshot in
/// memory, and signals changes. Engines read <see cref="Current"/> as a configuration provider that comes after every
/// other one, and rebuild their snapshot when it changes: flag reads never touch the database.
/// </para>
/// <para>
/// A backend implements <see cref="WriteCoreAsync"/> (the write and its audit entry in one transaction, with the
/// base-revision check), <see cref="LoadCoreAsync"/> and <see cref="GetHistoryCoreAsync"/>, runs the migrations of
/// <see cref="FlagStoreSchema"/> on first use, loads once before it is handed to an engine, and calls
/// <see cref="RefreshAsync"/> whenever it learns that the database changed (another process, another machine).
/// </para>
/// </remarks>
public abstract class FlagStore : IDisposable
{
    /// <summary>The event id of the warning logged when the store cannot be read; the flags keep their last good values.</summary>
    public static readonly EventId UnavailableEvent = new(5, "FlagStoreUnavailable");

    private readonly SemaphoreSlim _refreshGate = new(1, 1);
    private readonly object _tokenGate = new();
    private volatile FlagStoreSnapshot _current = FlagStoreSnapshot.Empty;
    private CancellationTokenSource _changed = new();
    private bool _unavailable;

    /// <summary>Creates the store.</summary>
    /// <param name="name">The backend and where it is, for sources and messages: <c>sqlite:/srv/app/flags.db</c>. No secrets: it is shown in every evaluation's source.</param>
    /// <param name="logger">Receives the warning when the store cannot be read; null to stay silent.</param>
    /// <exception cref="ArgumentException"><paramref name="name"/> is null or blank.</exception>
    protected FlagStore(string name, ILogger? logger = null)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new ArgumentException("A flag store needs a name (backend and location).", nameof(name));
        }

        Name = name;
        Source = FlagSources.StorePrefix + name;
        Logger = logger;
    }

    /// <summary>The backend and where it is: <c>sqlite:/srv/app/flags.db</c>.</summary>
    public string Name { get; }

    /// <summary>The <see cref="FlagEvaluation{T}.Source"/> of evaluations this store decides: <c>store:</c> + <see cref="Name"/>.</summary>
    public string Source { get; }

    /// <summary>The last good state, in memory. Replaced atomically when the store changes.</summary>
    public FlagStoreSnapshot Current => _current;

    /// <summary>Receives the store's warnings; null when silent.</summary>
    protected ILogger? Logger { get; }

    /// <summary>A token that fires when <see cref="Current"/> is replaced. Engines rebuild their snapshot on it.</summary>
    public IChangeToken GetChangeToken()
    {
        lock (_tokenGate)
        {
            return new CancellationChangeToken(_changed.Token);
        }
    }

    /// <summary>
    /// Validates <paramref name="write"/> against <paramref name="manifest"/> and, when valid, stores it with its audit
    /// entry in one transaction. A valid write is visible in <see cref="Current"/> (and in the engines of this process)
    /// when the task completes.
    /// </summary>
    /// <param name="manifest">The declared flags the write must fit.</param>
    /// <param name="write">The change.</param>
    /// <param name="cancellationToken">Cancels the write before it commits.</param>
    /// <returns>Written (with the new revision), rejected (TF2001/TF2002 wording, nothing written) or conflict (the flag's current revision, nothing written).</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public async Task<FlagStoreWriteResult> WriteAsync(FlagManifest manifest, FlagStoreWrite write, CancellationToken cancellationToken = default)
    {
        if (FlagStoreValidation.Validate(manifest, write) is { } rejected)
        {
            return rejected;
        }

        var result = await WriteCoreAsync(write, cancellationToken).ConfigureAwait(false);
        if (result.Succeeded)
        {
            await RefreshAsync(CancellationToken.None).ConfigureAwait(false);
        }

        return result;
    }

    /// <summary>The audit entries <paramref name="query"/> selects, oldest first.</summary>
    /// <param name="query">Key and time range; null for everything.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    public Task<IReadOnlyList<FlagAuditEntry>> GetHistoryAsync(FlagHistoryQuery? query = null, CancellationToken cancellationToken = default) =>
        GetHistoryCoreAsync(query ?? FlagHistoryQuery.All, cancellationToken);

    /// <summary>
    /// Reads the store again and, when its revision differs from <see cref="Current"/>'s, publishes the new state and
    /// signals the change. Calls are serialized. A failed read keeps the last good state and logs one warning until a
    /// read succeeds again; it does not throw.
    /// </summary>
    /// <param name="cancellationToken">Cancels the wait and the read.</param>
    /// <returns>True when the store was read; false when the read failed.</returns>
    public async Task<bool> RefreshAsync(CancellationToken cancellationToken = default)
    {
        await _refreshGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            FlagStoreSnapshot loaded;
            try
            {
                loaded = await LoadCoreAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception error) when (error is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                if (!_unavailable)
                {
                    _unavailable = true;
                    Logger?.Log(
                        LogLevel.Warning,
                        UnavailableEvent,
                        $"Flag store '{Name}' could not be read ({error.GetType().Name}: {error.Message}). The flags keep their last good values (revision {_current.Revision}) until it can be read again.",
                        error,
                        static (text, _) => text);
                }

                return false;
            }

            if (_unavailable)
            {
                _unavailable = false;
                Logger?.Log(LogLevel.Information, UnavailableEvent, $"Flag store '{Name}' can be read again (revision {loaded.Revision}).", null, static (text, _) => text);
            }

            // Revisions only grow, so an equal revision is the same state. A different one (also a lower one: a restored
            // backup) is published.
            if (loaded.Revision != _current.Revision)
            {
                Publish(loaded);
            }

            return true;
        }
        finally
        {
            _refreshGate.Release();
        }
    }

    /// <summary>
    /// Stores a validated write and its audit entry in one transaction: if <see cref="FlagStoreWrite.BaseRevision"/> is
    /// set and is not the flag's current revision (0 for a flag never written), nothing is written and the result is a
    /// conflict with the current revision. Revisions are store-wide, strictly increasing in commit order; the flag's
    /// revision becomes the audit entry's. The base class refreshes <see cref="Current"/> after a successful write.
    /// </summary>
    protected abstract Task<FlagStoreWriteResult> WriteCoreAsync(FlagStoreWrite write, CancellationToken cancellationToken);

    /// <summary>Reads every flag's current entry and the store's latest revision.</summary>
    protected abstract Task<FlagStoreSnapshot> LoadCoreAsync(CancellationToken cancellationToken);

    /// <summary>Reads the audit entries <paramref name="query"/> selects, oldest first.</summary>
    protected abstract Task<IReadOnlyList<FlagAuditEntry>> GetHistoryCoreAsync(FlagHistoryQuery query, CancellationToken cancellationToken);

    /// <summary>Stops change detection and releases the backend's resources.</summary>
    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Releases the backend's resources.</summary>
    /// <param name="disposing">True from <see cref="Dispose()"/>.</param>
    protected virtual void Dispose(bool disposing)
    {
    }

    private void Publish(FlagStoreSnapshot snapshot)
    {
        CancellationTokenSource fired;
        lock (_tokenGate)
        {
            _current = snapshot;
            fired = _changed;
            _changed = new CancellationTokenSource();
        }

        // Listeners (engines) rebuild their snapshot here; one that throws must not stop the others or the backend.
        try
        {
            fired.Cancel();
        }
        catch (AggregateException)
        {
        }
    }
}
