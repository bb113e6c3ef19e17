namespace TypedFlags;

/// <summary>
/// One possible result of evaluating a flag: value, reason and source. A flag has only a handful (its base value,
/// off for a missing prerequisite, on or off for a targeting match, on for the rollout, one per split share, a
/// forced value), so they are built once and evaluation returns a reference to one of them. That keeps
/// evaluation free of allocations and of large struct copies.
/// </summary>
internal sealed class FlagOutcome
{
    public FlagOutcome(FlagValue value, FlagReason reason, string source)
    {
        Value = value;
        Reason = reason;
        Source = source;
        Mode = value.Mode;
    }

    public FlagValue Value { get; }

    /// <summary>The value's mode, stored so that bool reads need a single field load.</summary>
    public FlagMode Mode { get; }

    public FlagReason Reason { get; }

    public string Source { get; }
}
