using System;
using Microsoft.Extensions.Logging;

namespace TypedFlags.Store.Sqlite;

/// <summary>Options for <see cref="SqliteFlagStore.Open"/>. Every property is optional.</summary>
public sealed class SqliteFlagStoreOptions
{
    /// <summary>
    /// How often the store checks whether another connection or process changed the database (<c>PRAGMA data_version</c>,
    /// one integer read on a connection kept for it). 200 ms by default, so a change shows within a second; reads of
    /// flags never wait for it.
    /// </summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>How long a write waits for another writer's lock before it fails; 30 s by default.</summary>
    public TimeSpan BusyTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The clock that stamps audit entries; null for <see cref="TimeProvider.System"/>.</summary>
    public TimeProvider? TimeProvider { get; set; }

    /// <summary>Receives the warning when the database cannot be read (the flags keep their last good values); null to stay silent.</summary>
    public ILogger? Logger { get; set; }
}
