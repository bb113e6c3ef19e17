using System;
using TypedFlags.Manifest.Staleness;

namespace TypedFlags.AspNetCore;

/// <summary>
/// A flag's lifecycle badge by the analyzers' rules (SPEC §5, <see cref="LifecycleRule"/>, the same file the analyzers
/// run): expired (TF1101), launched longer than the manifest's <c>stale_after</c> (TF1102), past its kind's lifetime
/// (TF1103), else active. The generated runtime manifest carries <c>stale_after</c> and each flag's lifetime.
/// </summary>
internal static class FlagAdminStatus
{
    public const string Active = "active";
    public const string Launched = "launched";
    public const string Expired = "expired";
    public const string PastLifetime = "past-lifetime";

    public static string Of(FlagManifest manifest, FlagDefinition flag, DateTime today)
    {
        var day = today.Date;
        if (LifecycleRule.IsExpired(day, flag.Expires))
        {
            return Expired;
        }

        var last = flag.Schedule.Count == 0 ? null : flag.Schedule[flag.Schedule.Count - 1];
        var since = LifecycleRule.LaunchedSince(day, flag.Launched, last?.At.UtcDateTime, last is { Rollout: 0d or 100d });
        if (LifecycleRule.IsLaunched(day, since, manifest.StaleAfterDays))
        {
            return Launched;
        }

        return LifecycleRule.IsPastLifetime(day, flag.Expires, flag.Created, flag.LifetimeDays) ? PastLifetime : Active;
    }
}
