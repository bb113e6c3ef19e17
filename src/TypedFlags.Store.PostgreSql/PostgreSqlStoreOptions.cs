using System;

namespace TypedFlags.Store.PostgreSql;

/// <summary>How the PostgreSQL store connects, reconnects and checks for missed changes.</summary>
public sealed class PostgreSqlStoreOptions
{
    /// <summary>An Npgsql connection string (<c>Host=db;Database=app;Username=flags;Password=...</c>).</summary>
    public string ConnectionString { get; set; } = "";

    /// <summary>The first wait before reconnecting after the connection dropped; doubles up to <see cref="MaxReconnectDelay"/>. Default 250 ms.</summary>
    public TimeSpan ReconnectDelay { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>The longest wait between reconnect attempts. Default 10 s.</summary>
    public TimeSpan MaxReconnectDelay { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How often the listening connection also compares the store revision with the one applied, in case a notification
    /// was lost; it doubles as a keep-alive that notices a silently dead connection. Default 15 s.
    /// </summary>
    public TimeSpan RevisionCheckInterval { get; set; } = TimeSpan.FromSeconds(15);
}
