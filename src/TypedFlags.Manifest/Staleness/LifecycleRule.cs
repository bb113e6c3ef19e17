using System;

namespace TypedFlags.Manifest.Staleness;

/// <summary>
/// The date rules of SPEC §5 over plain values: expired (TF1101), launched longer than <c>stale_after</c> (TF1102)
/// and older than the kind's lifetime (TF1103). FlagLifecycle applies them to flags.yaml; the admin
/// page applies them to the generated runtime manifest, so a badge and a diagnostic never disagree.
/// </summary>
/// <remarks>
/// TypedFlags.AspNetCore compiles this file too, as an internal type: the runtime packages cannot reference this
/// library, which ships only under analyzers/. All dates are compared as UTC calendar days.
/// </remarks>
#if TYPEDFLAGS_RUNTIME
internal
#else
public
#endif
static class LifecycleRule
{
    /// <summary>True once the day after <paramref name="expires"/> has begun ("expires: 2026-10-01" lives through that day).</summary>
    /// <param name="today">Today's date.</param>
    /// <param name="expires">The <c>expires</c> date, or null.</param>
    public static bool IsExpired(DateTime today, DateTime? expires) => expires is { } date && today.Date > date.Date;

    /// <summary>
    /// The day from which the flag gives one value to everyone: <paramref name="launched"/> when set, else the date of
    /// a final schedule step that has started and ends at 0% or 100%; null otherwise.
    /// </summary>
    /// <param name="today">Today's date.</param>
    /// <param name="launched">The <c>launched</c> date, or null.</param>
    /// <param name="finalStepAt">The date of the last schedule step, or null when there is no schedule.</param>
    /// <param name="finalStepSettles">True when the last schedule step is at 0% or 100%.</param>
    public static DateTime? LaunchedSince(DateTime today, DateTime? launched, DateTime? finalStepAt, bool finalStepSettles)
    {
        if (launched is { } date)
        {
            return date.Date;
        }

        return finalStepAt is { } at && at.Date <= today.Date && finalStepSettles ? at.Date : null;
    }

    /// <summary>True once more than <paramref name="staleAfterDays"/> days have passed since <paramref name="launchedSince"/>.</summary>
    /// <param name="today">Today's date.</param>
    /// <param name="launchedSince">The result of <see cref="LaunchedSince"/>.</param>
    /// <param name="staleAfterDays">The manifest's <c>stale_after</c>, in days.</param>
    public static bool IsLaunched(DateTime today, DateTime? launchedSince, int staleAfterDays) =>
        launchedSince is { } start && today.Date > start.Date.AddDays(staleAfterDays);

    /// <summary>
    /// True when a flag without <c>expires</c> is older than its kind's lifetime (<c>lifetimes:</c>; null for
    /// <c>never</c>) counted from <paramref name="created"/>.
    /// </summary>
    /// <param name="today">Today's date.</param>
    /// <param name="expires">The <c>expires</c> date, or null; an explicit expiry replaces the lifetime.</param>
    /// <param name="created">The <c>created</c> date, or null.</param>
    /// <param name="lifetimeDays">The kind's lifetime in days, or null for no limit.</param>
    public static bool IsPastLifetime(DateTime today, DateTime? expires, DateTime? created, int? lifetimeDays) =>
        expires is null && created is { } start && lifetimeDays is { } days && today.Date > start.Date.AddDays(days);
}
