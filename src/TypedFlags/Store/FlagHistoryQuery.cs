using System;

namespace TypedFlags;

/// <summary>Which audit entries <see cref="FlagStore.GetHistoryAsync"/> returns: every filter is optional. Entries come oldest first.</summary>
public sealed class FlagHistoryQuery
{
    /// <summary>Only this flag's changes; null for every flag.</summary>
    public string? Key { get; init; }

    /// <summary>Only changes at or after this time; null for no lower bound.</summary>
    public DateTimeOffset? Since { get; init; }

    /// <summary>Only changes before this time (exclusive); null for no upper bound.</summary>
    public DateTimeOffset? Until { get; init; }

    /// <summary>At most this many entries, the most recent ones; null for all.</summary>
    public int? Limit { get; init; }

    /// <summary>Every change of every flag.</summary>
    public static FlagHistoryQuery All { get; } = new();
}
