using System;
using System.Collections.Generic;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using Npgsql;

namespace TypedFlags.Store.PostgreSql;

/// <summary>
/// The PostgreSQL SQL of each <see cref="FlagStoreSchema"/> version, and the code that brings a database up to date.
/// Each migration runs once, in order, in its own transaction together with its row in <c>typedflags_migrations</c>;
/// instances that start at the same time queue on a transaction-scoped advisory lock and re-read the applied version
/// inside it, so exactly one applies each step and the others find it done. The SQL is in docs/store.md verbatim.
/// </summary>
internal static class PostgreSqlMigrations
{
    /// <summary>The advisory lock key of migrations ("TFSTORE1" as ASCII).</summary>
    public const long MigrationLockKey = 0x5446_5354_4F52_4531;

    /// <summary>The advisory lock key writers serialize on ("TFWRITE1"), so revisions are handed out in commit order.</summary>
    public const long WriteLockKey = 0x5446_5752_4954_4531;

    /// <summary>The NOTIFY channel a committed write signals on; the payload is the new revision.</summary>
    public const string Channel = "typedflags_changes";

    /// <summary>The migrations in order. Append only: a released step is never edited; a change is a new step.</summary>
    public static IReadOnlyList<FlagStoreMigration> All { get; } = Checked(new[]
    {
        new FlagStoreMigration(
            1,
            "overrides, audit log and migrations tables",
            """
            CREATE TABLE typedflags_overrides (
                key text PRIMARY KEY,
                override text NULL,
                revision bigint NOT NULL,
                updated_at timestamptz NOT NULL,
                actor text NOT NULL
            )
            """,
            """
            CREATE TABLE typedflags_audit (
                revision bigint PRIMARY KEY,
                at timestamptz NOT NULL,
                actor text NOT NULL,
                reason text NOT NULL,
                key text NOT NULL,
                before text NULL,
                after text NULL
            )
            """,
            "CREATE INDEX typedflags_audit_key ON typedflags_audit (key, revision)",
            "CREATE INDEX typedflags_audit_at ON typedflags_audit (at)"),
    });

    /// <summary>The statement every opener runs first, inside the lock.</summary>
    public const string CreateMigrationsTable =
        """
        CREATE TABLE IF NOT EXISTS typedflags_migrations (
            version integer PRIMARY KEY,
            description text NOT NULL,
            applied_at timestamptz NOT NULL DEFAULT now()
        )
        """;

    /// <summary>
    /// Applies the migrations the database lacks. Idempotent; safe when several instances call it at once. A database
    /// at a version newer than this build is left alone: <see cref="FlagStoreSchemaException"/>.
    /// </summary>
    public static async Task EnsureAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        // One pass per step, each in its own transaction with its row; a pass that finds nothing to do ends it.
        while (true)
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await ExecuteAsync(connection, transaction, "SELECT pg_advisory_xact_lock(" + MigrationLockKey.ToString(CultureInfo.InvariantCulture) + ")", cancellationToken).ConfigureAwait(false);
            await ExecuteAsync(connection, transaction, CreateMigrationsTable, cancellationToken).ConfigureAwait(false);

            int current;
            await using (var versionCommand = new NpgsqlCommand("SELECT coalesce(max(version), 0) FROM typedflags_migrations", connection, transaction))
            {
                current = Convert.ToInt32(await versionCommand.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
            }

            if (current > FlagStoreSchema.CurrentVersion)
            {
                throw new FlagStoreSchemaException(
                    $"The flag store schema in this database is at version {current}, newer than this TypedFlags.Store.PostgreSql knows "
                    + $"({FlagStoreSchema.CurrentVersion}). Upgrade the package; nothing was changed.");
            }

            if (current == FlagStoreSchema.CurrentVersion)
            {
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                return;
            }

            var step = All[current];
            try
            {
                foreach (var statement in step.Statements)
                {
                    await ExecuteAsync(connection, transaction, statement, cancellationToken).ConfigureAwait(false);
                }
            }
            catch (PostgresException error)
            {
                throw new FlagStoreSchemaException($"Flag store migration {step.Version} ('{step.Description}') failed: {error.MessageText}. Nothing of it was applied.", error);
            }

            await using (var record = new NpgsqlCommand("INSERT INTO typedflags_migrations (version, description) VALUES (@version, @description)", connection, transaction))
            {
                record.Parameters.AddWithValue("version", step.Version);
                record.Parameters.AddWithValue("description", step.Description);
                await record.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static IReadOnlyList<FlagStoreMigration> Checked(FlagStoreMigration[] migrations)
    {
        FlagStoreSchema.Check(migrations);
        return migrations;
    }
}
