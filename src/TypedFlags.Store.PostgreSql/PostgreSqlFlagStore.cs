using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace TypedFlags.Store.PostgreSql;

/// <summary>
/// A flag store in a PostgreSQL database, for apps that run on many machines (SPEC §8, docs/store.md). Every instance
/// keeps the store in memory and LISTENs for changes: a write on any machine reaches the others within a second. While
/// the database is unreachable the flags keep their last good values (one warning); on reconnect the store is re-read.
/// </summary>
/// <example>
/// <code>
/// using var store = PostgreSqlFlagStore.Open("Host=db;Database=app;Username=flags;Password=...");
/// var flags = AppFlags.Create(configuration, new FlagOptions { Store = store });
/// </code>
/// </example>
public sealed class PostgreSqlFlagStore : FlagStore
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly PostgreSqlStoreDatabase _database;
    private readonly PostgreSqlChangeListener _listener;

    private PostgreSqlFlagStore(string connectionString, PostgreSqlFlagStoreOptions options)
        : base(NameOf(connectionString), options.Logger)
    {
        _dataSource = NpgsqlDataSource.Create(connectionString);
        _database = new PostgreSqlStoreDatabase(_dataSource, options.TimeProvider);
        _listener = new PostgreSqlChangeListener(_database, options, RefreshAsync);
    }

    /// <summary>
    /// Connects, brings the schema up to date (migrations run once, whichever instance gets there first; see
    /// docs/store.md), loads every override and starts listening for changes. The store is ready to attach to engines.
    /// </summary>
    /// <param name="connectionString">An Npgsql connection string (<c>Host=db;Database=app;Username=flags;Password=...</c>).</param>
    /// <param name="options">Reconnect backoff, the periodic check, the audit clock and the logger; null for the defaults.</param>
    /// <returns>The open store. Dispose it when the application stops.</returns>
    /// <exception cref="ArgumentException">The connection string is blank or not valid.</exception>
    /// <exception cref="NpgsqlException">The database cannot be reached.</exception>
    /// <exception cref="FlagStoreSchemaException">The database was migrated by a newer TypedFlags, or a migration failed.</exception>
    public static PostgreSqlFlagStore Open(string connectionString, PostgreSqlFlagStoreOptions? options = null) =>
        OpenAsync(connectionString, options).GetAwaiter().GetResult();

    /// <inheritdoc cref="Open"/>
    /// <param name="connectionString">An Npgsql connection string.</param>
    /// <param name="options">Reconnect backoff, the periodic check, the audit clock and the logger; null for the defaults.</param>
    /// <param name="cancellationToken">Cancels opening.</param>
    public static async Task<PostgreSqlFlagStore> OpenAsync(string connectionString, PostgreSqlFlagStoreOptions? options = null, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new ArgumentException("The PostgreSQL flag store needs a connection string.", nameof(connectionString));
        }

        var store = new PostgreSqlFlagStore(connectionString, options ?? new PostgreSqlFlagStoreOptions());
        try
        {
            // Open once directly so that a store that cannot be reached at start fails with the real error.
            await using (var connection = await store._database.OpenAsync(cancellationToken).ConfigureAwait(false))
            {
            }

            await store.RefreshAsync(cancellationToken).ConfigureAwait(false);
            store._listener.Start();
            return store;
        }
        catch
        {
            store.Dispose();
            throw;
        }
    }

    /// <summary>
    /// True when the database at <paramref name="connectionString"/> holds a flag store (its migrations table), without
    /// creating anything: for tools that read a store and must not create one (<c>typedflags status</c>).
    /// </summary>
    /// <param name="connectionString">An Npgsql connection string.</param>
    /// <exception cref="NpgsqlException">The database cannot be reached.</exception>
    public static bool Exists(string connectionString)
    {
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        using var command = new NpgsqlCommand("SELECT to_regclass('typedflags_migrations') IS NOT NULL", connection);
        return (bool)command.ExecuteScalar()!;
    }

    /// <summary>Completes once the change listener is connected (a write from now on reaches this store by notification).</summary>
    internal Task Listening => _listener.Listening;

    /// <inheritdoc />
    protected override async Task<FlagStoreWriteResult> WriteCoreAsync(FlagStoreWrite write, CancellationToken cancellationToken)
    {
        try
        {
            var entry = await _database.WriteAsync(
                new StoreWrite(write.Key, write.Override?.ToJson(), write.Actor, write.Reason, write.BaseRevision),
                cancellationToken).ConfigureAwait(false);
            return FlagStoreWriteResult.Written(ToAuditEntry(entry));
        }
        catch (StoreConflictException conflict)
        {
            return FlagStoreWriteResult.Conflict(conflict.Key, conflict.BaseRevision, conflict.CurrentRevision);
        }
    }

    /// <inheritdoc />
    protected override async Task<FlagStoreSnapshot> LoadCoreAsync(CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var contents = await PostgreSqlStoreDatabase.ReadAllAsync(connection, cancellationToken).ConfigureAwait(false);
        return new FlagStoreSnapshot(
            contents.Revision,
            contents.Overrides.Values.Select(row => new FlagStoreEntry(row.Key, Parse(row.Value), row.Revision, row.UpdatedAt, row.UpdatedBy)));
    }

    /// <inheritdoc />
    protected override async Task<IReadOnlyList<FlagAuditEntry>> GetHistoryCoreAsync(FlagHistoryQuery query, CancellationToken cancellationToken)
    {
        var rows = await _database.ReadHistoryAsync(query.Key, query.Since, query.Until, query.Limit, cancellationToken).ConfigureAwait(false);
        return rows.Select(ToAuditEntry).ToArray();
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _listener.DisposeAsync().AsTask().GetAwaiter().GetResult();
            _dataSource.Dispose();
        }

        base.Dispose(disposing);
    }

    private static FlagAuditEntry ToAuditEntry(StoreAuditEntry row) =>
        new(row.Revision, row.ChangedAt, row.Actor, row.Reason, row.Key, Parse(row.Before), Parse(row.After));

    private static FlagOverride? Parse(string? json) => json is null ? null : FlagOverride.FromJson(json);

    /// <summary>
    /// The store's name in sources and messages: <c>postgres:HOST:PORT/DATABASE</c>. Built from the connection string's
    /// host, port and database only, so a password never reaches an evaluation's <c>Source</c> or a log line.
    /// </summary>
    internal static string NameOf(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        return $"postgres:{builder.Host}:{builder.Port}/{builder.Database ?? builder.Username}";
    }
}
