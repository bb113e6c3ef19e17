using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Data.Sqlite;

namespace TypedFlags.Store.Sqlite;

/// <summary>
/// A flag store in a SQLite database file (SPEC §8): the embedded default. The file is in WAL mode, so readers never
/// block the writer; each write and its audit entry commit in one <c>BEGIN IMMEDIATE</c> transaction, which also
/// serializes writers across processes and hands out revisions in commit order. Changes made by other connections or
/// processes are noticed by polling <c>PRAGMA data_version</c> (<see cref="SqliteFlagStoreOptions.PollInterval"/>) and
/// applied to every attached engine within a second.
/// </summary>
public sealed class SqliteFlagStore : FlagStore
{
    private readonly string _connectionString;
    private readonly TimeProvider _clock;
    private readonly SqliteConnection _watch;
    private readonly Timer _poll;
    private readonly object _watchGate = new();
    private long _dataVersion;
    private int _polling;
    private bool _disposed;

    private SqliteFlagStore(string path, SqliteFlagStoreOptions options)
        : base("sqlite:" + path, options.Logger)
    {
        Path = path;
        _clock = options.TimeProvider ?? TimeProvider.System;
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
            DefaultTimeout = (int)Math.Ceiling(options.BusyTimeout.TotalSeconds),
        }.ToString();

        Migrate();
        _watch = OpenConnection();
        _dataVersion = DataVersion();

        // The first load happens before anyone can attach the store, so an engine starts with the stored overrides. A
        // file that cannot be read fails here, loudly, rather than starting the app without its operators' overrides.
        LoadCoreAsync(CancellationToken.None).GetAwaiter().GetResult();
        RefreshAsync().GetAwaiter().GetResult();
        _poll = new Timer(static state => ((SqliteFlagStore)state!).Poll(), this, options.PollInterval, options.PollInterval);
    }

    /// <summary>The database file, as a full path.</summary>
    public string Path { get; }

    /// <summary>
    /// Opens (creating it if needed) the store in <paramref name="path"/>, switches it to WAL mode, runs the schema
    /// migrations it lacks (idempotent; see docs/store.md) and loads it.
    /// </summary>
    /// <param name="path">The database file; relative paths are taken from the current directory.</param>
    /// <param name="options">Poll interval, clock, logger; null for the defaults.</param>
    /// <returns>The open store. Dispose it when the application stops.</returns>
    /// <exception cref="FlagStoreSchemaException">The database was migrated by a newer TypedFlags, or a migration failed.</exception>
    /// <exception cref="SqliteException">The file cannot be opened or is not a database.</exception>
    public static SqliteFlagStore Open(string path, SqliteFlagStoreOptions? options = null)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            throw new ArgumentException("The SQLite flag store needs a database file path.", nameof(path));
        }

        return new SqliteFlagStore(System.IO.Path.GetFullPath(path), options ?? new SqliteFlagStoreOptions());
    }

    /// <inheritdoc />
    protected override Task<FlagStoreWriteResult> WriteCoreAsync(FlagStoreWrite write, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        using var connection = OpenConnection();
        using var transaction = connection.BeginTransaction(deferred: false);
        FlagOverride? before = null;
        long current = 0;
        using (var read = Command(connection, transaction, "SELECT override, revision FROM typedflags_overrides WHERE key = $key"))
        {
            read.Parameters.AddWithValue("$key", write.Key);
            using var row = read.ExecuteReader();
            if (row.Read())
            {
                before = row.IsDBNull(0) ? null : FlagOverride.FromJson(row.GetString(0));
                current = row.GetInt64(1);
            }
        }

        if (write.BaseRevision is { } expected && expected != current)
        {
            transaction.Rollback();
            return Task.FromResult(FlagStoreWriteResult.Conflict(write.Key, expected, current));
        }

        long revision;
        using (var next = Command(connection, transaction, "SELECT coalesce(max(revision), 0) + 1 FROM typedflags_audit"))
        {
            revision = (long)next.ExecuteScalar()!;
        }

        var at = _clock.GetUtcNow();
        var stamp = Stamp(at);
        var after = write.Override;
        using (var audit = Command(connection, transaction, "INSERT INTO typedflags_audit (revision, at, actor, reason, key, before, after) VALUES ($revision, $at, $actor, $reason, $key, $before, $after)"))
        {
            audit.Parameters.AddWithValue("$revision", revision);
            audit.Parameters.AddWithValue("$at", stamp);
            audit.Parameters.AddWithValue("$actor", write.Actor);
            audit.Parameters.AddWithValue("$reason", write.Reason);
            audit.Parameters.AddWithValue("$key", write.Key);
            audit.Parameters.AddWithValue("$before", (object?)before?.ToJson() ?? DBNull.Value);
            audit.Parameters.AddWithValue("$after", (object?)after?.ToJson() ?? DBNull.Value);
            audit.ExecuteNonQuery();
        }

        using (var upsert = Command(
            connection,
            transaction,
            "INSERT INTO typedflags_overrides (key, override, revision, updated_at, actor) VALUES ($key, $override, $revision, $at, $actor) "
            + "ON CONFLICT (key) DO UPDATE SET override = excluded.override, revision = excluded.revision, updated_at = excluded.updated_at, actor = excluded.actor"))
        {
            upsert.Parameters.AddWithValue("$key", write.Key);
            upsert.Parameters.AddWithValue("$override", (object?)after?.ToJson() ?? DBNull.Value);
            upsert.Parameters.AddWithValue("$revision", revision);
            upsert.Parameters.AddWithValue("$at", stamp);
            upsert.Parameters.AddWithValue("$actor", write.Actor);
            upsert.ExecuteNonQuery();
        }

        transaction.Commit();
        return Task.FromResult(FlagStoreWriteResult.Written(new FlagAuditEntry(revision, at, write.Actor, write.Reason, write.Key, before, after)));
    }

    /// <inheritdoc />
    protected override Task<FlagStoreSnapshot> LoadCoreAsync(CancellationToken cancellationToken)
    {
        using var connection = OpenConnection();

        // One read transaction: WAL gives it one consistent view, so the revision and the rows agree.
        using var transaction = connection.BeginTransaction(deferred: true);
        long revision;
        using (var max = Command(connection, transaction, "SELECT coalesce(max(revision), 0) FROM typedflags_audit"))
        {
            revision = (long)max.ExecuteScalar()!;
        }

        var entries = new List<FlagStoreEntry>();
        using (var rows = Command(connection, transaction, "SELECT key, override, revision, updated_at, actor FROM typedflags_overrides"))
        using (var row = rows.ExecuteReader())
        {
            while (row.Read())
            {
                entries.Add(new FlagStoreEntry(
                    row.GetString(0),
                    row.IsDBNull(1) ? null : FlagOverride.FromJson(row.GetString(1)),
                    row.GetInt64(2),
                    Parse(row.GetString(3)),
                    row.GetString(4)));
            }
        }

        transaction.Commit();
        return Task.FromResult(new FlagStoreSnapshot(revision, entries));
    }

    /// <inheritdoc />
    protected override Task<IReadOnlyList<FlagAuditEntry>> GetHistoryCoreAsync(FlagHistoryQuery query, CancellationToken cancellationToken)
    {
        using var connection = OpenConnection();
        var sql = "SELECT revision, at, actor, reason, key, before, after FROM typedflags_audit WHERE 1 = 1";
        using var command = connection.CreateCommand();
        if (query.Key is { } key)
        {
            sql += " AND key = $key";
            command.Parameters.AddWithValue("$key", key);
        }

        if (query.Since is { } since)
        {
            sql += " AND at >= $since";
            command.Parameters.AddWithValue("$since", Stamp(since));
        }

        if (query.Until is { } until)
        {
            sql += " AND at < $until";
            command.Parameters.AddWithValue("$until", Stamp(until));
        }

        // The most recent entries when limited; returned oldest first either way.
        sql += " ORDER BY revision DESC";
        if (query.Limit is { } limit)
        {
            sql += " LIMIT $limit";
            command.Parameters.AddWithValue("$limit", Math.Max(0, limit));
        }

        command.CommandText = sql;
        var entries = new List<FlagAuditEntry>();
        using (var row = command.ExecuteReader())
        {
            while (row.Read())
            {
                entries.Add(new FlagAuditEntry(
                    row.GetInt64(0),
                    Parse(row.GetString(1)),
                    row.GetString(2),
                    row.GetString(3),
                    row.GetString(4),
                    row.IsDBNull(5) ? null : FlagOverride.FromJson(row.GetString(5)),
                    row.IsDBNull(6) ? null : FlagOverride.FromJson(row.GetString(6))));
            }
        }

        entries.Reverse();
        return Task.FromResult<IReadOnlyList<FlagAuditEntry>>(entries);
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (!disposing)
        {
            return;
        }

        lock (_watchGate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            _poll.Dispose();
            _watch.Dispose();
        }

        // Pooled connections keep the file open; close them so the file can be moved or deleted.
        using var connection = new SqliteConnection(_connectionString);
        SqliteConnection.ClearPool(connection);
    }

    private static string Stamp(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    private static DateTimeOffset Parse(string stamp) =>
        DateTimeOffset.ParseExact(stamp, "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }

    private SqliteConnection OpenConnection()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        return connection;
    }

    /// <summary>Runs the migrations the file lacks, each in an immediate transaction that re-reads the version inside the lock.</summary>
    private void Migrate()
    {
        FlagStoreSchema.Check(SqliteSchema.Migrations);
        var directory = System.IO.Path.GetDirectoryName(Path);
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        using var connection = OpenConnection();
        using (var wal = connection.CreateCommand())
        {
            // Persistent in the file: readers no longer block the writer, and a reader sees one consistent snapshot.
            wal.CommandText = "PRAGMA journal_mode = WAL";
            wal.ExecuteNonQuery();
        }

        foreach (var migration in SqliteSchema.Migrations)
        {
            using var transaction = connection.BeginTransaction(deferred: false);
            using (var create = Command(connection, transaction, SqliteSchema.CreateMigrationsTable))
            {
                create.ExecuteNonQuery();
            }

            long applied;
            using (var version = Command(connection, transaction, "SELECT coalesce(max(version), 0) FROM typedflags_migrations"))
            {
                applied = (long)version.ExecuteScalar()!;
            }

            if (applied > FlagStoreSchema.CurrentVersion)
            {
                throw new FlagStoreSchemaException(
                    $"Flag store '{Path}' is at schema version {applied}, newer than this TypedFlags knows ({FlagStoreSchema.CurrentVersion}). Update TypedFlags.Store.Sqlite; nothing was changed.");
            }

            if (applied >= migration.Version)
            {
                transaction.Rollback();
                continue;
            }

            try
            {
                foreach (var statement in migration.Statements)
                {
                    using var step = Command(connection, transaction, statement);
                    step.ExecuteNonQuery();
                }

                using var record = Command(connection, transaction, "INSERT INTO typedflags_migrations (version, description, applied_at) VALUES ($version, $description, $at)");
                record.Parameters.AddWithValue("$version", migration.Version);
                record.Parameters.AddWithValue("$description", migration.Description);
                record.Parameters.AddWithValue("$at", Stamp(_clock.GetUtcNow()));
                record.ExecuteNonQuery();
                transaction.Commit();
            }
            catch (SqliteException error)
            {
                throw new FlagStoreSchemaException($"Migration {migration.Version} ('{migration.Description}') of flag store '{Path}' failed: {error.Message}. It was rolled back.", error);
            }
        }
    }

    private long DataVersion()
    {
        using var command = _watch.CreateCommand();
        command.CommandText = "PRAGMA data_version";
        return (long)command.ExecuteScalar()!;
    }

    /// <summary>
    /// One poll: <c>PRAGMA data_version</c> changes when another connection commits. Then the store loads again and
    /// publishes if the revision moved. Never throws (a timer thread); a failed read keeps the last good values.
    /// </summary>
    private void Poll()
    {
        if (Interlocked.Exchange(ref _polling, 1) == 1)
        {
            return;
        }

        try
        {
            bool changed;
            lock (_watchGate)
            {
                if (_disposed)
                {
                    return;
                }

                var version = DataVersion();
                changed = version != _dataVersion;
                _dataVersion = version;
            }

            if (changed)
            {
                RefreshAsync().GetAwaiter().GetResult();
            }
        }
        catch (Exception)
        {
            // The watch connection failed (disk error, file replaced). A load tells whether the store can still be read,
            // and logs it once if not; the flags keep their last good values either way.
            try
            {
                _ = RefreshAsync().GetAwaiter().GetResult();
            }
            catch (Exception)
            {
                // Never let an exception end the process from a timer thread.
            }
        }
        finally
        {
            Volatile.Write(ref _polling, 0);
        }
    }
}
