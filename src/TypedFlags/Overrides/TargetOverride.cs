using System;

namespace TypedFlags;

/// <summary>
/// One entry of an override's <c>Targets</c>: a target (<c>alice</c>, <c>tenant:acme</c>, <c>group:beta</c>) and the
/// outcome it gets until <see cref="Expires"/>. A killed target is Off at step 1, before prerequisites; any other
/// value applies at step 3.
/// </summary>
internal sealed class TargetOverride
{
    public TargetOverride(string target, FlagOutcome outcome, DateTimeOffset? expires)
    {
        Target = target;
        Outcome = outcome;
        Expires = expires;
    }

    public string Target { get; }

    public FlagOutcome Outcome { get; }

    /// <summary>True for a per-target kill switch.</summary>
    public bool IsKill => Outcome.Reason == FlagReason.Killed;

    /// <summary>When the entry stops applying, or null for never.</summary>
    public DateTimeOffset? Expires { get; }
}
