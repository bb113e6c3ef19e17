using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Npgsql;

namespace TypedFlags.Store.PostgreSql;

/// <summary>
/// The versioned schema of the PostgreSQL store and the code that brings a database up to it. Each migration runs once,
/// in order, in one transaction with its row in <c>typedflags_migrations</c>; instances that start at the same time
/// queue on a transaction-scoped advisory lock, so exactly one applies each step and the others find it done.
/// The SQL is documented, verbatim, in docs/store.md (PostgreSQL section).
/// </summary>
internal static class PostgreSqlMigrations
{
    /// <summary>The advisory lock key every TypedFlags instance takes around migrations ("TFSTORE1" as ASCII).</summary>
    public const long AdvisoryLockKey = 0x5446_5354_4F52_4531;

    /// <summary>The NOTIFY channel a committed write signals on; the payload is the new store revision.</summary>
    public const string Channel = "typedflags_changes";

    /// <summary>The migrations in order. Append only: a released step is never edited, a change is a new step.</summary>
    public static IReadOnlyList<(int Version, string Description, string Sql)> All { get; } = new[]
    {
        (1, "overrides, audit history and the store revision",
            """
            CREATE TABLE typedflags_state (
                id integer PRIMARY KEY CHECK (id = 1),
                revision bigint NOT NULL
            );
            INSERT INTO typedflags_state (id, revision) VALUES (1, 0);
            CREATE TABLE typedflags_overrides (
                key text PRIMARY KEY,
                value text NULL,
                revision bigint NOT NULL,
                updated_at timestamptz NOT NULL,
                updated_by text NOT NULL
            );
            CREATE TABLE typedflags_history (
                revision bigint PRIMARY KEY,
                changed_at timestamptz NOT NULL,
                actor text NOT NULL,
                reason text NOT NULL,
                key text NOT NULL,
                before text NULL,
                after text NULL
            );
            CREATE INDEX typedflags_history_key_time ON typedflags_history (key, changed_at);
            CREATE INDEX typedflags_history_time ON typedflags_history (changed_at);
            """),
    };

    /// <summary>The newest schema version this build knows.</summary>
    public static int LatestVersion => All[All.Count - 1].Version;

    /// <summary>
    /// Applies the migrations the database lacks. Idempotent; safe when several instances call it at once. A database
    /// whose schema is newer than this build is left alone and reported, rather than half-used.
    /// </summary>
    public static async Task EnsureAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (var lockCommand = new NpgsqlCommand("SELECT pg_advisory_xact_lock(@key)", connection, transaction))
        {
            lockCommand.Parameters.AddWithValue("key", AdvisoryLockKey);
            await lockCommand.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await using (var create = new NpgsqlCommand(
            """
            CREATE TABLE IF NOT EXISTS typedflags_migrations (
                version integer PRIMARY KEY,
                description text NOT NULL,
                applied_at timestamptz NOT NULL DEFAULT now()
            )
            """, connection, transaction))
        {
            await create.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        int current;
        await using (var versionCommand = new NpgsqlCommand("SELECT coalesce(max(version), 0) FROM typedflags_migrations", connection, transaction))
        {
            current = Convert.ToInt32(await versionCommand.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
        }

        if (current > LatestVersion)
        {
            throw new InvalidOperationException(
                $"The TypedFlags store schema in this database is version {current}, newer than this TypedFlags.Store.PostgreSql "
                + $"knows ({LatestVersion}). Upgrade the package; the store was not changed.");
        }

        foreach (var (version, description, sql) in All)
        {
            if (version <= current)
            {
                continue;
            }

            await using (var step = new NpgsqlCommand(sql, connection, transaction))
            {
                await step.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            await using var record = new NpgsqlCommand(
                "INSERT INTO typedflags_migrations (version, description) VALUES (@version, @description)", connection, transaction);
            record.Parameters.AddWithValue("version", version);
            record.Parameters.AddWithValue("description", description);
            await record.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }
}
