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
    private int _migrated;

    public PostgreSqlStoreDatabase(NpgsqlDataSource dataSource) => _dataSource = dataSource;

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

    /// <summary>Reads the store revision and every override in one snapshot (REPEATABLE READ), so they agree.</summary>
    public static async Task<StoreContents> ReadAllAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, cancellationToken).ConfigureAwait(false);
        long revision;
        await using (var state = new NpgsqlCommand(LatestRevision, connection, transaction))
        {
            revision = (long)(await state.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
        }

        var overrides = new Dictionary<string, StoredOverride>(StringComparer.Ordinal);
        await using (var all = new NpgsqlCommand("SELECT key, override, revision, updated_at, actor FROM typedflags_overrides", connection, transaction))
        await using (var reader = await all.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var key = reader.GetString(0);
                overrides[key] = new StoredOverride(key, reader.IsDBNull(1) ? null : reader.GetString(1), reader.GetInt64(2), reader.GetFieldValue<DateTimeOffset>(3), reader.GetString(4));
            }
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return new StoreContents(revision, overrides);
    }

    private const string LatestRevision = "SELECT coalesce(max(revision), 0)::bigint FROM typedflags_audit";

    /// <summary>
    /// Writes one change and its audit entry in one transaction and signals it on <see cref="PostgreSqlMigrations.Channel"/>
    /// (delivered on commit). Returns the new store revision, which is also the key's revision from now on.
    /// </summary>
    /// <exception cref="StoreConflictException">The key's revision is not <see cref="StoreWrite.BaseRevision"/>; nothing was written.</exception>
    public async Task<StoreAuditEntry> WriteAsync(StoreWrite write, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);

        // The write lock first: it serializes writers, so the key's row and the highest revision read next are the
        // latest committed ones, and no other writer commits between this one's read and its commit.
        await using (var writeLock = new NpgsqlCommand("SELECT pg_advisory_xact_lock(@lock)", connection, transaction))
        {
            writeLock.Parameters.AddWithValue("lock", PostgreSqlMigrations.WriteLockKey);
            await writeLock.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        long revision;
        await using (var next = new NpgsqlCommand("SELECT coalesce(max(revision), 0)::bigint + 1 FROM typedflags_audit", connection, transaction))
        {
            revision = (long)(await next.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
        }

        string? before = null;
        long keyRevision = 0;
        await using (var current = new NpgsqlCommand("SELECT override, revision FROM typedflags_overrides WHERE key = @key", connection, transaction))
        {
            current.Parameters.AddWithValue("key", write.Key);
            await using var reader = await current.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
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

        DateTimeOffset changedAt;
        await using (var clock = new NpgsqlCommand("SELECT clock_timestamp()", connection, transaction))
        {
            changedAt = ((DateTime)(await clock.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!).ToUniversalTime();
        }

        // A removal keeps the row with a null value: the flag's revision stays a base that later writes can name.
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
}
