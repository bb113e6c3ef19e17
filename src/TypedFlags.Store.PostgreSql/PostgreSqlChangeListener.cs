using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace TypedFlags.Store.PostgreSql;

/// <summary>
/// Keeps one connection LISTENing on <see cref="PostgreSqlMigrations.Channel"/> and re-reads the store whenever a write
/// commits, publishing the contents through <c>publish</c>. When the connection drops (database restarted, network
/// gone) it logs one warning, keeps what it published last, retries with exponential backoff, and on reconnect
/// re-reads everything (resync), so changes made while it was away are applied too. A periodic revision check
/// covers a notification lost in transit.
/// </summary>
internal sealed class PostgreSqlChangeListener : IAsyncDisposable
{
    private readonly PostgreSqlStoreDatabase _database;
    private readonly PostgreSqlStoreOptions _options;
    private readonly ILogger _logger;
    private readonly Action<StoreContents> _publish;
    private readonly CancellationTokenSource _stop = new();
    private readonly TaskCompletionSource<bool> _firstSync = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Task? _loop;
    private long _appliedRevision = -1;
    private volatile bool _notified;

    public PostgreSqlChangeListener(PostgreSqlStoreDatabase database, PostgreSqlStoreOptions options, ILogger logger, Action<StoreContents> publish)
    {
        _database = database;
        _options = options;
        _logger = logger;
        _publish = publish;
    }

    /// <summary>True while the connection is down; the last published contents stay in force.</summary>
    public bool IsDisconnected { get; private set; }

    /// <summary>Completes after the first successful read, or with false when the first attempt failed (the loop keeps trying).</summary>
    public Task<bool> FirstSync => _firstSync.Task;

    public void Start() => _loop ??= Task.Run(() => RunAsync(_stop.Token));

    private async Task RunAsync(CancellationToken stop)
    {
        var backoff = _options.ReconnectDelay;
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await using var connection = await _database.OpenAsync(stop).ConfigureAwait(false);
                connection.Notification += (_, _) => _notified = true;
                await using (var listen = new NpgsqlCommand("LISTEN " + PostgreSqlMigrations.Channel, connection))
                {
                    await listen.ExecuteNonQueryAsync(stop).ConfigureAwait(false);
                }

                // LISTEN first, then read: a write that commits in between is in the read or notifies afterwards.
                await ResyncAsync(connection, force: IsDisconnected, stop).ConfigureAwait(false);
                if (IsDisconnected)
                {
                    IsDisconnected = false;
                    StoreLog.Reconnected(_logger, _appliedRevision);
                }

                backoff = _options.ReconnectDelay;
                while (!stop.IsCancellationRequested)
                {
                    _notified = false;
                    var signalled = await connection.WaitAsync(_options.RevisionCheckInterval, stop).ConfigureAwait(false);
                    if (signalled || _notified || await PostgreSqlStoreDatabase.ReadRevisionAsync(connection, stop).ConfigureAwait(false) != _appliedRevision)
                    {
                        await ResyncAsync(connection, force: false, stop).ConfigureAwait(false);
                    }
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception) when (exception is NpgsqlException or System.IO.IOException or TimeoutException or InvalidOperationException or System.Net.Sockets.SocketException)
            {
                if (!IsDisconnected)
                {
                    IsDisconnected = true;
                    StoreLog.Unreachable(_logger, exception, _appliedRevision);
                }

                _firstSync.TrySetResult(false);
                try
                {
                    await Task.Delay(backoff, stop).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }

                backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, _options.MaxReconnectDelay.Ticks));
            }
        }
    }

    private async Task ResyncAsync(NpgsqlConnection connection, bool force, CancellationToken stop)
    {
        var contents = await PostgreSqlStoreDatabase.ReadAllAsync(connection, stop).ConfigureAwait(false);
        if (force || contents.Revision != _appliedRevision)
        {
            _appliedRevision = contents.Revision;
            _publish(contents);
        }

        _firstSync.TrySetResult(true);
    }

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        if (_loop is not null)
        {
            try
            {
                await _loop.ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
            }
        }

        _stop.Dispose();
    }
}
