using System;
using System.Threading;
using System.Threading.Tasks;
using Npgsql;

namespace TypedFlags.Store.PostgreSql;

/// <summary>
/// Keeps one connection LISTENing on <see cref="PostgreSqlMigrations.Channel"/> and asks the store to refresh whenever
/// a write commits anywhere. When the connection drops (database stopped, network gone) it refreshes once, which fails
/// and makes the store log its one warning while the last good values stay; then it reconnects with exponential
/// backoff, and once connected refreshes again (resync: everything is re-read, so changes made meanwhile apply).
/// A periodic refresh covers a notification lost in transit and notices a connection that died silently.
/// </summary>
internal sealed class PostgreSqlChangeListener : IAsyncDisposable
{
    private readonly PostgreSqlStoreDatabase _database;
    private readonly PostgreSqlFlagStoreOptions _options;
    private readonly Func<CancellationToken, Task<bool>> _refresh;
    private readonly CancellationTokenSource _stop = new();
    private Task? _loop;

    public PostgreSqlChangeListener(PostgreSqlStoreDatabase database, PostgreSqlFlagStoreOptions options, Func<CancellationToken, Task<bool>> refresh)
    {
        _database = database;
        _options = options;
        _refresh = refresh;
    }

    /// <summary>True while the listening connection is down (the store keeps its last good values meanwhile).</summary>
    public bool IsDisconnected { get; private set; }

    /// <summary>Completes when the listening connection is up for the first time (tests, benchmarks).</summary>
    public Task Listening => _listening.Task;

    private readonly TaskCompletionSource _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Start() => _loop ??= Task.Run(() => RunAsync(_stop.Token));

    private async Task RunAsync(CancellationToken stop)
    {
        var backoff = _options.ReconnectDelay;
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await using var connection = await _database.OpenAsync(stop).ConfigureAwait(false);
                await using (var listen = new NpgsqlCommand("LISTEN " + PostgreSqlMigrations.Channel, connection))
                {
                    await listen.ExecuteNonQueryAsync(stop).ConfigureAwait(false);
                }

                // LISTEN first, then read (after a reconnect this is the resync): a write that commits in between is in
                // the read or notifies afterwards.
                IsDisconnected = !await _refresh(stop).ConfigureAwait(false);
                if (!IsDisconnected)
                {
                    _listening.TrySetResult();
                    backoff = _options.ReconnectDelay;
                }

                while (!IsDisconnected && !stop.IsCancellationRequested)
                {
                    // True when notifications arrived (several are coalesced into one refresh); false on the periodic check,
                    // which also pings this connection: a socket that died without a reset never ends WaitAsync by itself.
                    if (!await connection.WaitAsync(_options.RevisionCheckInterval, stop).ConfigureAwait(false))
                    {
                        await using var ping = new NpgsqlCommand("SELECT 1", connection);
                        await ping.ExecuteNonQueryAsync(stop).ConfigureAwait(false);
                    }

                    if (!await _refresh(stop).ConfigureAwait(false))
                    {
                        // The store could not be read (it has logged the warning): listen again from a new connection.
                        IsDisconnected = true;
                    }
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
            catch (Exception)
            {
                // Whatever broke (network, server, a schema it cannot use), the loop lives on: the app keeps its last good
                // values, and the next attempt may succeed.
                if (!IsDisconnected)
                {
                    IsDisconnected = true;

                    // The store's own read reports the outage (one warning) and keeps the last good values.
                    await _refresh(stop).ConfigureAwait(false);
                }
            }

            if (IsDisconnected && !stop.IsCancellationRequested)
            {
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
