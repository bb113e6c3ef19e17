using System;
using TypedFlags.Manifest.Model;

namespace TypedFlags.Manifest.Staleness;

/// <summary>Where one flag stands in its lifecycle on a given day (TF1101–TF1103).</summary>
/// <param name="Flag">The flag.</param>
/// <param name="Expired">True when <c>expires</c> has passed (TF1101).</param>
/// <param name="Launched">True when the flag has had one value for everyone for longer than <c>stale_after</c> (TF1102).</param>
/// <param name="LaunchedSince">The day the single value began: <c>launched</c>, or the date of the final schedule step.</param>
/// <param name="StaleAfterDays">The manifest's <c>stale_after</c>, in days.</param>
/// <param name="Overdue">True when <c>created</c> plus the kind's lifetime has passed and there is no <c>expires</c> (TF1103).</param>
/// <param name="LifetimeDays">The kind's lifetime, for the TF1103 message.</param>
/// <param name="FinalValue">
/// For bool flags: the value everyone gets once the flag is removed, when flags.yaml alone decides it (true or false);
/// null when it depends on the environment, targeting, prerequisites or a partial rollout.
/// </param>
public sealed record FlagStatus(
    FlagModel Flag,
    bool Expired,
    bool Launched,
    DateTime? LaunchedSince,
    int StaleAfterDays,
    bool Overdue,
    int? LifetimeDays,
    bool? FinalValue)
{
    /// <summary>
    /// For int, double, string and variant flags: the value everyone gets once the flag is removed — production's
    /// value from <c>environments</c>, else <c>default</c>; null for bool flags (see <see cref="FinalValue"/>) and for a
    /// variant flag whose <c>split</c> hands out several variants.
    /// </summary>
    public FlagValueModel? FinalTypedValue { get; init; }

    /// <summary>True when C# uses of the flag should be cleaned up (TF1101 or TF1102).</summary>
    public bool IsStale => Expired || Launched;
}
