using System;
using Microsoft.Extensions.Logging;

namespace TypedFlags.Store.PostgreSql;

/// <summary>How the PostgreSQL store reconnects, checks for missed changes, logs and stamps its audit entries.</summary>
public sealed class PostgreSqlFlagStoreOptions
{
    /// <summary>The first wait before reconnecting after the connection dropped; doubles up to <see cref="MaxReconnectDelay"/>. Default 250 ms.</summary>
    public TimeSpan ReconnectDelay { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>The longest wait between reconnect attempts. Default 10 s.</summary>
    public TimeSpan MaxReconnectDelay { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How often the listening connection re-reads the store even without a notification (a lost one is caught up) and
    /// pings the server (a connection that died silently is noticed). Default 15 s.
    /// </summary>
    public TimeSpan RevisionCheckInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// The clock of audit entries. Null (the default): the database server's clock, one clock for every machine that
    /// writes. Set it to stamp with the app's clock instead (tests use a fake one).
    /// </summary>
    public TimeProvider? TimeProvider { get; set; }

    /// <summary>Receives the warning while the database is unreachable; null to stay silent.</summary>
    public ILogger? Logger { get; set; }
}
