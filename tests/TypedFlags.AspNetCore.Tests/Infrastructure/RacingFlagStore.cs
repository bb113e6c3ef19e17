using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using TypedFlags.Store.Sqlite;

namespace TypedFlags.AspNetCore.Tests.Infrastructure;

/// <summary>
/// A real SQLite store where, once armed, another operator (a second store on the same database file) commits a
/// change just before this one's write reaches the database: the race the base-revision check exists for.
/// </summary>
internal sealed class RacingFlagStore : FlagStore
{
    private readonly SqliteFlagStore _inner;
    private readonly SqliteFlagStore _rival;
    private readonly FlagManifest _manifest;

    public RacingFlagStore(string path, FlagManifest manifest)
        : base("sqlite:" + path)
    {
        _inner = SqliteFlagStore.Open(path);
        _rival = SqliteFlagStore.Open(path);
        _manifest = manifest;
        RefreshAsync().GetAwaiter().GetResult();
    }

    /// <summary>The rival's write, made before the next write of this store.</summary>
    public FlagStoreWrite? Rival { get; set; }

    protected override async Task<FlagStoreWriteResult> WriteCoreAsync(FlagStoreWrite write, CancellationToken cancellationToken)
    {
        if (Rival is { } rival)
        {
            Rival = null;
            await _rival.WriteAsync(_manifest, rival, cancellationToken);
        }

        return await _inner.WriteAsync(_manifest, write, cancellationToken);
    }

    protected override async Task<FlagStoreSnapshot> LoadCoreAsync(CancellationToken cancellationToken)
    {
        await _inner.RefreshAsync(cancellationToken);
        return _inner.Current;
    }

    protected override Task<IReadOnlyList<FlagAuditEntry>> GetHistoryCoreAsync(FlagHistoryQuery query, CancellationToken cancellationToken) =>
        _inner.GetHistoryAsync(query, cancellationToken);

    protected override void Dispose(bool disposing)
    {
        _inner.Dispose();
        _rival.Dispose();
    }
}
