using System;
using System.Collections.Generic;
using System.Globalization;
using TypedFlags.Manifest.Model;

namespace TypedFlags.Manifest.Staleness;

/// <summary>
/// The staleness rules of SPEC §5 over a validated manifest: expired (TF1101), launched longer than
/// <c>stale_after</c> (TF1102) and older than the kind's lifetime (TF1103). The analyzers and the CLI both call
/// this, so "stale" means one thing everywhere.
/// </summary>
public static class FlagLifecycle
{
    /// <summary>The production environment name: the final value of a flag is the one production gets.</summary>
    public const string Production = "production";

    /// <summary>The status of every flag of <paramref name="manifest"/> on <paramref name="today"/> (a UTC date), in file order.</summary>
    public static IReadOnlyList<FlagStatus> Evaluate(ManifestModel manifest, DateTime today)
    {
        if (manifest is null)
        {
            throw new ArgumentNullException(nameof(manifest));
        }

        var day = today.Date;
        var result = new List<FlagStatus>(manifest.Flags.Count);
        foreach (var flag in manifest.Flags)
        {
            result.Add(Evaluate(manifest, flag, day));
        }

        return result;
    }

    /// <summary>
    /// Reads the MSBuild property <c>TypedFlagsToday</c> (<c>yyyy-MM-dd</c>): the date when set, the UTC date when
    /// empty; false when it is set but not a date.
    /// </summary>
    public static bool TryReadToday(string? property, DateTime utcNow, out DateTime today)
    {
        if (string.IsNullOrWhiteSpace(property))
        {
            today = utcNow.Date;
            return true;
        }

        return DateTime.TryParseExact(property!.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out today);
    }

    private static FlagStatus Evaluate(ManifestModel manifest, FlagModel flag, DateTime today)
    {
        var expired = LifecycleRule.IsExpired(today, flag.Expires);
        var last = flag.Schedule.Count == 0 ? null : flag.Schedule[flag.Schedule.Count - 1];
        var since = LifecycleRule.LaunchedSince(today, flag.Launched, last?.AtUtc, last is { RolloutThousandths: 0 or 100_000 });
        var isLaunched = LifecycleRule.IsLaunched(today, since, manifest.StaleAfterDays);

        int? lifetime = null;
        foreach (var entry in manifest.Lifetimes)
        {
            if (entry.Kind == flag.Kind)
            {
                lifetime = entry.Days;
            }
        }

        var overdue = LifecycleRule.IsPastLifetime(today, flag.Expires, flag.Created, lifetime);
        return new FlagStatus(flag, expired, isLaunched, since, manifest.StaleAfterDays, overdue, lifetime, FinalValue(manifest, flag, today))
        {
            FinalTypedValue = FinalTypedValue(flag),
        };
    }

    /// <summary>
    /// Why flags.yaml leaves a flag's final value open, in the words TF1101/TF1102 and the CLI's cleanup use; only
    /// meaningful when the flag's final value is null.
    /// </summary>
    public static string WhyUndecided(FlagModel flag) => flag.Type == FlagValueType.Bool
        ? "it depends on the environment, targeting or a partial rollout"
        : SplitValue(flag, out _) ? "targets give some callers another value" : "a split hands out several variants";

    /// <summary>What a non-bool flag gives everyone in production when only flags.yaml counts.</summary>
    private static FlagValueModel? FinalTypedValue(FlagModel flag)
    {
        if (flag.Type == FlagValueType.Bool || !SplitValue(flag, out var decided))
        {
            return null;
        }

        decided ??= ProductionValue(flag);

        // Targets give their callers their own value (step 4 comes before the base value and the split), so only
        // targets that all give the same value leave the final value decided.
        foreach (var target in flag.Targets)
        {
            if (!target.Value.Equals(decided))
            {
                return null;
            }
        }

        return decided;
    }

    /// <summary>
    /// False when a split hands out several variants. True otherwise, with the variant a split gives everyone (one share
    /// of 100%) in <paramref name="value"/>, or null when there is no split.
    /// </summary>
    private static bool SplitValue(FlagModel flag, out FlagValueModel? value)
    {
        value = null;
        if (flag.Split.Count == 0)
        {
            return true;
        }

        // A split buckets contexts over the variants; only a split that gives one variant everything decides.
        if (flag.Split.Count == 1 && flag.Split[0].Thousandths == 100_000)
        {
            value = FlagValueModel.FromVariant(flag.Split[0].Variant);
            return true;
        }

        return false;
    }

    /// <summary>Production's value from <c>environments</c>, else <c>default</c>.</summary>
    private static FlagValueModel ProductionValue(FlagModel flag)
    {
        foreach (var environment in flag.Environments)
        {
            if (string.Equals(environment.Environment, Production, StringComparison.OrdinalIgnoreCase))
            {
                return environment.Value;
            }
        }

        return flag.Default;
    }

    /// <summary>
    /// What a bool flag gives everyone in production when only flags.yaml counts: the base value, then the
    /// rollout in effect today (the last schedule step that has started, else <c>rollout</c>).
    /// </summary>
    private static bool? FinalValue(ManifestModel manifest, FlagModel flag, DateTime today)
    {
        if (flag.Type != FlagValueType.Bool)
        {
            return null;
        }

        var baseMode = ProductionBase(manifest, flag);
        if (baseMode == BoolMode.Shadow)
        {
            return null;
        }

        int? rollout = flag.RolloutThousandths;
        for (var i = flag.Schedule.Count - 1; i >= 0; i--)
        {
            if (flag.Schedule[i].AtUtc.Date <= today)
            {
                rollout = flag.Schedule[i].RolloutThousandths;
                break;
            }
        }

        var on = baseMode == BoolMode.On || rollout == 100_000;
        if (on)
        {
            // Prerequisites and a deny list still turn some contexts off.
            return flag.Requires.Count == 0 && flag.Deny.Count == 0 ? true : null;
        }

        // Off for everyone unless a partial rollout, an allow list or a group rollout turns someone on; prerequisites
        // only turn off.
        return (rollout ?? 0) == 0 && flag.Allow.Count == 0 && flag.GroupRollouts.Count == 0 ? false : null;
    }

    private static BoolMode ProductionBase(ManifestModel manifest, FlagModel flag)
    {
        foreach (var environment in flag.Environments)
        {
            if (string.Equals(environment.Environment, Production, StringComparison.OrdinalIgnoreCase))
            {
                return environment.Value.Mode;
            }
        }

        if (flag.Phase is { } phaseName)
        {
            foreach (var phase in manifest.Phases)
            {
                if (string.Equals(phase.Name, phaseName, StringComparison.OrdinalIgnoreCase))
                {
                    foreach (var environment in phase.Environments)
                    {
                        if (string.Equals(environment, Production, StringComparison.OrdinalIgnoreCase))
                        {
                            return BoolMode.On;
                        }
                    }

                    return BoolMode.Off;
                }
            }
        }

        return flag.Default.Mode;
    }
}
