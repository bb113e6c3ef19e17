using System;
using System.Collections.Generic;

namespace TypedFlags;

/// <summary>
/// The logical schema every flag store backend keeps, and the numbering of its migrations, so that the SQLite and
/// PostgreSQL stores hold the same tables and a database says which version it is at.
/// </summary>
/// <remarks>
/// <para>Tables (version 1):</para>
/// <list type="bullet">
/// <item><c>typedflags_overrides</c>: <c>key</c> text primary key (the flag key, ordinal); <c>override</c> text, the canonical
/// JSON of <see cref="FlagOverride"/>, null once removed; <c>revision</c> 64-bit integer, the revision of the flag's last
/// change; <c>updated_at</c> UTC instant; <c>actor</c> text.</item>
/// <item><c>typedflags_audit</c>: <c>revision</c> 64-bit integer primary key, store-wide, strictly increasing in commit order;
/// <c>at</c> UTC instant; <c>actor</c>, <c>reason</c>, <c>key</c> text; <c>before</c>, <c>after</c> canonical JSON or null.
/// Indexed by (<c>key</c>, <c>revision</c>) and by <c>at</c>.</item>
/// <item><c>typedflags_migrations</c>: <c>version</c> integer primary key, <c>description</c> text, <c>applied_at</c> UTC
/// instant: one row per applied migration.</item>
/// </list>
/// <para>
/// Migration rules for backends: on first use, create <c>typedflags_migrations</c> if it does not exist, then apply, in
/// order and each in its own transaction together with its row, every version of <see cref="Versions"/> above the
/// highest recorded one. Concurrent openers serialize (SQLite: <c>BEGIN IMMEDIATE</c>; PostgreSQL: an advisory lock) and
/// re-read the highest version inside the lock, so running twice changes nothing. A database at a version above
/// <see cref="CurrentVersion"/> was migrated by a newer TypedFlags: the store refuses to open it
/// (<see cref="FlagStoreSchemaException"/>) rather than write rows an unknown schema may not accept.
/// </para>
/// </remarks>
public static class FlagStoreSchema
{
    /// <summary>The table of each flag's current override.</summary>
    public const string OverridesTable = "typedflags_overrides";

    /// <summary>The audit log.</summary>
    public const string AuditTable = "typedflags_audit";

    /// <summary>The applied migrations.</summary>
    public const string MigrationsTable = "typedflags_migrations";

    /// <summary>Every schema version, in order, from 1: what each backend's migration of that number does.</summary>
    public static IReadOnlyList<FlagStoreMigration> Versions { get; } = new[]
    {
        new FlagStoreMigration(1, "overrides, audit log and migrations tables"),
    };

    /// <summary>The schema version this TypedFlags writes.</summary>
    public static int CurrentVersion => Versions.Count;

    /// <summary>
    /// Checks that a backend's migrations are <see cref="Versions"/>, one for one: the same numbers and descriptions,
    /// each with its SQL. Backends call it once (a test does too), so neither can skip or renumber a version.
    /// </summary>
    /// <param name="migrations">The backend's migrations, in order.</param>
    /// <exception cref="ArgumentException">They do not match; the message names the first difference.</exception>
    public static void Check(IReadOnlyList<FlagStoreMigration> migrations)
    {
        if (migrations is null)
        {
            throw new ArgumentNullException(nameof(migrations));
        }

        if (migrations.Count != Versions.Count)
        {
            throw new ArgumentException($"The schema has {Versions.Count} version(s) and the backend has {migrations.Count} migration(s).", nameof(migrations));
        }

        for (var i = 0; i < migrations.Count; i++)
        {
            var expected = Versions[i];
            var actual = migrations[i];
            if (actual.Version != expected.Version || !string.Equals(actual.Description, expected.Description, StringComparison.Ordinal))
            {
                throw new ArgumentException($"Migration #{i + 1} is {actual.Version} '{actual.Description}'; the schema's is {expected.Version} '{expected.Description}'.", nameof(migrations));
            }

            if (actual.Statements.Count == 0)
            {
                throw new ArgumentException($"Migration {actual.Version} has no SQL.", nameof(migrations));
            }
        }
    }
}

/// <summary>One numbered schema migration: its version, what it does, and (in a backend) its SQL statements.</summary>
public sealed class FlagStoreMigration
{
    /// <summary>Creates a migration.</summary>
    /// <param name="version">Its number, from 1, as in <see cref="FlagStoreSchema.Versions"/>.</param>
    /// <param name="description">What it does, as in <see cref="FlagStoreSchema.Versions"/>.</param>
    /// <param name="statements">The backend's SQL, run in order in one transaction; none in <see cref="FlagStoreSchema.Versions"/>.</param>
    public FlagStoreMigration(int version, string description, params string[] statements)
    {
        if (version < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(version), version, "Migration versions start at 1.");
        }

        Version = version;
        Description = description ?? throw new ArgumentNullException(nameof(description));
        Statements = (string[])(statements ?? throw new ArgumentNullException(nameof(statements))).Clone();
    }

    /// <summary>Its number.</summary>
    public int Version { get; }

    /// <summary>What it does.</summary>
    public string Description { get; }

    /// <summary>The SQL statements, in order.</summary>
    public IReadOnlyList<string> Statements { get; }
}

/// <summary>The database's schema cannot be used: it is newer than this TypedFlags, or a migration failed.</summary>
public sealed class FlagStoreSchemaException : Exception
{
    /// <summary>Creates the exception.</summary>
    public FlagStoreSchemaException(string message, Exception? inner = null)
        : base(message, inner)
    {
    }
}
