namespace TypedFlags.Store.Sqlite;

/// <summary>
/// The SQLite statements of each <see cref="FlagStoreSchema"/> version. Timestamps are UTC text in the round-trip
/// format (<c>2026-12-02T01:02:03.0000000Z</c>), which sorts in time order, so range queries compare text.
/// </summary>
internal static class SqliteSchema
{
    /// <summary>The table that records applied migrations; created before any migration runs.</summary>
    public const string CreateMigrationsTable =
        "CREATE TABLE IF NOT EXISTS typedflags_migrations (version INTEGER NOT NULL PRIMARY KEY, description TEXT NOT NULL, applied_at TEXT NOT NULL)";

    /// <summary>Every migration, numbered as <see cref="FlagStoreSchema.Versions"/>.</summary>
    public static readonly FlagStoreMigration[] Migrations =
    {
        new(
            1,
            "overrides, audit log and migrations tables",
            "CREATE TABLE typedflags_overrides (key TEXT NOT NULL PRIMARY KEY, override TEXT NULL, revision INTEGER NOT NULL, updated_at TEXT NOT NULL, actor TEXT NOT NULL)",
            "CREATE TABLE typedflags_audit (revision INTEGER NOT NULL PRIMARY KEY, at TEXT NOT NULL, actor TEXT NOT NULL, reason TEXT NOT NULL, key TEXT NOT NULL, before TEXT NULL, after TEXT NULL)",
            "CREATE INDEX typedflags_audit_key ON typedflags_audit (key, revision)",
            "CREATE INDEX typedflags_audit_at ON typedflags_audit (at)"),
    };
}
