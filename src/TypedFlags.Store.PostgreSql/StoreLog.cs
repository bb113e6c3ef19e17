using System;
using Microsoft.Extensions.Logging;

namespace TypedFlags.Store.PostgreSql;

/// <summary>The store's log messages (category <c>TypedFlags</c>), with event ids that continue the runtime's table in docs/runtime.md.</summary>
internal static partial class StoreLog
{
    [LoggerMessage(EventId = 20, EventName = "FlagStoreUnreachable", Level = LogLevel.Warning,
        Message = "The PostgreSQL flag store is unreachable; the flags keep their last good store values (revision {Revision}) and the store is retried with backoff.")]
    public static partial void Unreachable(ILogger logger, Exception exception, long revision);

    [LoggerMessage(EventId = 21, EventName = "FlagStoreReconnected", Level = LogLevel.Information,
        Message = "The PostgreSQL flag store is reachable again; resynced at revision {Revision}.")]
    public static partial void Reconnected(ILogger logger, long revision);
}
