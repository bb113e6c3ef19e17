using System;
using System.Collections.Generic;

namespace TypedFlags;

/// <summary>
/// The changes an operator makes to one part of a flag's override, keeping the rest: a new value, a rollout, a kill,
/// one target's value. The CLI's store commands and the admin API both build their writes here, so "kill" or
/// "target alice=on" change the same fields whoever asks.
/// </summary>
public static class FlagOverrideChanges
{
    /// <summary>Sets the value; a kill state is cleared with it (Value and State are one group and must agree).</summary>
    /// <param name="current">The current override, or null.</param>
    /// <param name="value">The value in the flag's grammar.</param>
    public static FlagOverride WithValue(FlagOverride? current, string value) =>
        Copy(current, value: value ?? throw new ArgumentNullException(nameof(value)), clearState: true);

    /// <summary>Sets the rollout (bool flags); value and state stay.</summary>
    /// <param name="current">The current override, or null.</param>
    /// <param name="rollout">A percentage: <c>25</c> or <c>25%</c>.</param>
    public static FlagOverride WithRollout(FlagOverride? current, string rollout) =>
        Copy(current, rollout: rollout ?? throw new ArgumentNullException(nameof(rollout)));

    /// <summary>Kills the flag: state <c>kill</c>, the value cleared; rollout and targets stay for when it is revived.</summary>
    /// <param name="current">The current override, or null.</param>
    public static FlagOverride Killed(FlagOverride? current) => Copy(current, state: "kill", clearValue: true);

    /// <summary>Adds <paramref name="target"/>'s entry, or replaces the entry of the same target (ordinal).</summary>
    /// <param name="current">The current override, or null.</param>
    /// <param name="target">The target's entry.</param>
    public static FlagOverride WithTarget(FlagOverride? current, FlagTargetOverride target)
    {
        if (target is null)
        {
            throw new ArgumentNullException(nameof(target));
        }

        var targets = new List<FlagTargetOverride>();
        var replaced = false;
        foreach (var existing in current?.Targets ?? Array.Empty<FlagTargetOverride>())
        {
            var same = string.Equals(existing.Target, target.Target, StringComparison.Ordinal);
            targets.Add(same ? target : existing);
            replaced |= same;
        }

        if (!replaced)
        {
            targets.Add(target);
        }

        return Copy(current, targets: targets);
    }

    /// <summary>
    /// Removes <paramref name="target"/>'s entry. Null when nothing would be left: the override is then removed, not
    /// stored empty (the store refuses an empty override).
    /// </summary>
    /// <param name="current">The current override, or null.</param>
    /// <param name="target">The target whose entry goes.</param>
    public static FlagOverride? WithoutTarget(FlagOverride? current, string target)
    {
        var targets = new List<FlagTargetOverride>();
        foreach (var existing in current?.Targets ?? Array.Empty<FlagTargetOverride>())
        {
            if (!string.Equals(existing.Target, target, StringComparison.Ordinal))
            {
                targets.Add(existing);
            }
        }

        var next = Copy(current, targets: targets);
        return next.IsEmpty ? null : next;
    }

    private static FlagOverride Copy(
        FlagOverride? current,
        string? value = null,
        string? state = null,
        string? rollout = null,
        IReadOnlyList<FlagTargetOverride>? targets = null,
        bool clearState = false,
        bool clearValue = false) => new()
    {
        Value = value ?? (clearValue ? null : current?.Value),
        State = state ?? (clearState ? null : current?.State),
        Rollout = rollout ?? current?.Rollout,
        Allow = current?.Allow,
        Deny = current?.Deny,
        Targets = targets ?? current?.Targets,
        Expires = current?.Expires,
    };
}
