using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Npgsql;

namespace TypedFlags.Store.PostgreSql;

/// <summary>
/// The SQL of the store: reading everything at one revision, an audited write, history. Writers serialize on a
/// transaction-scoped advisory lock and take the next revision after the audit log's highest inside it, so revisions
/// are handed out in commit order: a reader that has seen revision N has seen every change up to N, and the audit log
/// ordered by revision is the order changes happened in.
/// </summary>
internal sealed class PostgreSqlStoreDatabase
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly TimeProvider? _clock;
    private int _migrated;

    /// <param name="dataSource">The connections.</param>
    /// <param name="clock">The audit clock; null for the database server's.</param>
    public PostgreSqlStoreDatabase(NpgsqlDataSource dataSource, TimeProvider? clock = null)
    {
        _dataSource = dataSource;
        _clock = clock;
    }

    /// <summary>Opens a connection, bringing the schema up to date on the first successful open of this instance.</summary>
    public async Task<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (Volatile.Read(ref _migrated) == 0)
            {
                await PostgreSqlMigrations.EnsureAsync(connection, cancellationToken).ConfigureAwait(false);
                Volatile.Write(ref _migrated, 1);
            }

            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>
    /// Reads the store revision and every override in one statement (one round trip; a statement sees one snapshot, so
    /// the revision and the rows agree). An empty store comes back as one row of nulls beside revision 0.
    /// </summary>
    public static async Task<StoreContents> ReadAllAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var all = new NpgsqlCommand(
            """
            SELECT latest.revision, o.key, o.override, o.revision, o.updated_at, o.actor
            FROM (SELECT coalesce(max(revision), 0)::bigint AS revision FROM typedflags_audit) AS latest
            LEFT JOIN typedflags_overrides AS o ON true
            """,
            connection);
        var revision = 0L;
        var overrides = new Dictionary<string, StoredOverride>(StringComparer.Ordinal);
        await using var reader = await all.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            revision = reader.GetInt64(0);
            if (!reader.IsDBNull(1))
            {
                var key = reader.GetString(1);
                overrides[key] = new StoredOverride(key, reader.IsDBNull(2) ? null : reader.GetString(2), reader.GetInt64(3), reader.GetFieldValue<DateTimeOffset>(4), reader.GetString(5));
            }
        }

        return new StoreContents(revision, overrides);
    }

    /// <summary>
    /// Writes one change and its audit entry in one transaction and signals it on <see cref="PostgreSqlMigrations.Channel"/>
    /// (delivered on commit). Returns the audit entry; its revision is the store's and, from now on, the key's.
    /// Three round trips: lock and read, write, commit.
    /// </summary>
    /// <exception cref="StoreConflictException">The key's revision is not <see cref="StoreWrite.BaseRevision"/>; nothing was written.</exception>
    public async Task<StoreAuditEntry> WriteAsync(StoreWrite write, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);

        // The write lock first: it serializes writers (until commit), so the highest revision and the key's row read next
        // are the latest committed ones, and no other writer commits between this one's read and its commit.
        long revision;
        DateTimeOffset changedAt;
        string? before = null;
        long keyRevision = 0;
        await using (var read = new NpgsqlBatch(connection, transaction))
        {
            var writeLock = new NpgsqlBatchCommand("SELECT pg_advisory_xact_lock($1)");
            writeLock.Parameters.Add(new NpgsqlParameter<long> { TypedValue = PostgreSqlMigrations.WriteLockKey });
            read.BatchCommands.Add(writeLock);
            read.BatchCommands.Add(new NpgsqlBatchCommand("SELECT coalesce(max(revision), 0)::bigint + 1, clock_timestamp() FROM typedflags_audit"));
            var current = new NpgsqlBatchCommand("SELECT override, revision FROM typedflags_overrides WHERE key = $1");
            current.Parameters.Add(new NpgsqlParameter<string> { TypedValue = write.Key });
            read.BatchCommands.Add(current);

            await using var reader = await read.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
            await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            revision = reader.GetInt64(0);
            changedAt = _clock is null ? reader.GetFieldValue<DateTimeOffset>(1) : Microseconds(_clock.GetUtcNow());
            await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
            if (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                before = reader.IsDBNull(0) ? null : reader.GetString(0);
                keyRevision = reader.GetInt64(1);
            }
        }

        if (write.BaseRevision is { } baseRevision && baseRevision != keyRevision)
        {
            await transaction.RollbackAsync(cancellationToken).ConfigureAwait(false);
            throw new StoreConflictException(write.Key, baseRevision, keyRevision);
        }

        // A removal keeps the row with a null override: the flag's revision stays a base that later writes can name.
        const string sql = """
               INSERT INTO typedflags_overrides (key, override, revision, updated_at, actor) VALUES (@key, @after, @revision, @at, @actor)
               ON CONFLICT (key) DO UPDATE SET override = excluded.override, revision = excluded.revision, updated_at = excluded.updated_at, actor = excluded.actor;
               INSERT INTO typedflags_audit (revision, at, actor, reason, key, before, after) VALUES (@revision, @at, @actor, @reason, @key, @before, @after);
               SELECT pg_notify(@channel, @revision::text);
               """;
        await using (var change = new NpgsqlCommand(sql, connection, transaction))
        {
            change.Parameters.AddWithValue("key", write.Key);
            change.Parameters.AddWithValue("after", NpgsqlTypes.NpgsqlDbType.Text, (object?)write.Value ?? DBNull.Value);
            change.Parameters.AddWithValue("before", NpgsqlTypes.NpgsqlDbType.Text, (object?)before ?? DBNull.Value);
            change.Parameters.AddWithValue("revision", revision);
            change.Parameters.AddWithValue("at", changedAt);
            change.Parameters.AddWithValue("actor", write.Actor);
            change.Parameters.AddWithValue("reason", write.Reason);
            change.Parameters.AddWithValue("channel", PostgreSqlMigrations.Channel);
            await change.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return new StoreAuditEntry(revision, changedAt, write.Actor, write.Reason, write.Key, before, write.Value);
    }

    /// <summary>Audit entries, oldest first, optionally for one key, within [from, to), and only the latest <paramref name="limit"/>.</summary>
    public async Task<IReadOnlyList<StoreAuditEntry>> ReadHistoryAsync(string? key, DateTimeOffset? from, DateTimeOffset? to, int? limit, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand(
            """
            SELECT * FROM (
                SELECT revision, at, actor, reason, key, before, after FROM typedflags_audit
                WHERE (@key::text IS NULL OR key = @key) AND (@from::timestamptz IS NULL OR at >= @from) AND (@to::timestamptz IS NULL OR at < @to)
                ORDER BY revision DESC
                LIMIT @limit
            ) AS latest ORDER BY revision
            """, connection);
        command.Parameters.AddWithValue("limit", NpgsqlTypes.NpgsqlDbType.Integer, limit.HasValue ? limit.Value : DBNull.Value);
        command.Parameters.AddWithValue("key", NpgsqlTypes.NpgsqlDbType.Text, (object?)key ?? DBNull.Value);
        command.Parameters.AddWithValue("from", NpgsqlTypes.NpgsqlDbType.TimestampTz, from.HasValue ? from.Value.UtcDateTime : DBNull.Value);
        command.Parameters.AddWithValue("to", NpgsqlTypes.NpgsqlDbType.TimestampTz, to.HasValue ? to.Value.UtcDateTime : DBNull.Value);
        var entries = new List<StoreAuditEntry>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            entries.Add(new StoreAuditEntry(
                reader.GetInt64(0),
                reader.GetFieldValue<DateTimeOffset>(1),
                reader.GetString(2),
                reader.GetString(3),
                reader.GetString(4),
                reader.IsDBNull(5) ? null : reader.GetString(5),
                reader.IsDBNull(6) ? null : reader.GetString(6)));
        }

        return entries;
    }

    /// <summary>An instant cut to what <c>timestamptz</c> keeps (microseconds), so the entry returned equals the one read back.</summary>
    private static DateTimeOffset Microseconds(DateTimeOffset at)
    {
        var utc = at.UtcTicks;
        return new DateTimeOffset(utc - (utc % 10), TimeSpan.Zero);
    }
}
