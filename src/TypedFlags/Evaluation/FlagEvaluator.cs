using System.Runtime.CompilerServices;

namespace TypedFlags;

/// <summary>
/// The evaluation order of SPEC §4.1 over one snapshot. Pure and allocation-free for the <c>typedflags</c>
/// bucketing: no LINQ, no closures, no enumerators, and every result is one of the flag's precomputed
/// <see cref="FlagOutcome"/>s.
/// </summary>
/// <remarks>
/// Declared data (prerequisites, base value, split) comes from <see cref="CompiledFlag"/>; everything configuration
/// or time can change (kills, per-target values, merged allow/deny lists, global value, effective rollout) from
/// <see cref="FlagState"/>, which a reload, a schedule step or an expiry rebuilds.
/// </remarks>
internal static class FlagEvaluator
{
    public static FlagOutcome Evaluate(FlagSnapshot snapshot, int index, in FlagContext context)
    {
        var state = snapshot.States[index];

        // Forced test values beat every step, prerequisites included: a test states the value it wants.
        if (state.Forced is { } forced)
        {
            return forced;
        }

        // Step 1: a kill switch from configuration, for everyone or for this target.
        if (state.Killed is { } killed)
        {
            return killed;
        }

        if (state.TargetKills?.Match(in context) is { } killedTarget)
        {
            return killedTarget;
        }

        // Step 2: every prerequisite must be On for the same context. The manifest rejects cycles, so the
        // recursion ends.
        var flag = state.Flag;
        var prerequisites = flag.Prerequisites;
        for (var i = 0; i < prerequisites.Length; i++)
        {
            if (Evaluate(snapshot, prerequisites[i], in context).Mode != FlagMode.On)
            {
                return flag.PrerequisiteUnmet;
            }
        }

        // Step 3: a per-target value from configuration.
        if (state.Targets?.Match(in context) is { } targeted)
        {
            return targeted;
        }

        if (flag.Kind == FlagValueKind.Bool)
        {
            // Step 4: deny before allow, so one deny entry can carve an exception out of a broad allow entry.
            if (state.Deny?.Match(in context) is { } denied)
            {
                return denied;
            }

            if (state.Allow?.Match(in context) is { } allowed)
            {
                return allowed;
            }

            // Still step 4: a group rollout is an allow entry for part of a group (100% is the whole group).
            if (flag.GroupRollouts is not null && context.Groups is not null && IsInGroupRollout(snapshot.Bucketing, flag, in context))
            {
                return flag.InGroupRollout;
            }

            // Step 5: a global value from configuration.
            if (state.Value is { } overridden)
            {
                return overridden;
            }

            // Step 7 applies only when the base (step 6) is not already On: a rollout adds users, never removes them.
            if (flag.Base.Mode != FlagMode.On && state.RolloutThousandths > 0
                && IsInRollout(snapshot.Bucketing, flag, state.RolloutThousandths, in context))
            {
                return state.InRollout;
            }

            return flag.Base;
        }

        // Step 4 for the other types: the value flags.yaml declares for the caller (targets:).
        if (flag.Targets?.Match(in context) is { } declared)
        {
            return declared;
        }

        // Step 5 for the other types.
        if (state.Value is { } value)
        {
            return value;
        }

        if (flag.SplitOutcomes.Length > 0 && PickSplit(snapshot.Bucketing, flag, in context) is { } split)
        {
            return split;
        }

        return flag.Base;
    }

    // Not inlined: hashing needs a larger stack frame, which the common paths (targeting, base value) should not
    // have to set up on every call.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static bool IsInRollout(BucketingAlgorithm bucketing, CompiledFlag flag, int thousandths, in FlagContext context)
    {
        // 100% includes every context, even one without a bucket key; below that, no key means not included.
        if (thousandths >= Percent.All)
        {
            return true;
        }

        var bucketKey = BucketKey(bucketing, flag, in context);
        if (bucketKey is null)
        {
            return false;
        }

        // The default algorithm compares integer buckets directly; BucketPosition covers both algorithms for splits.
        return bucketing == BucketingAlgorithm.TypedFlags
            ? RolloutBucket.Of(flag.BucketPrefix, bucketKey) < thousandths
            : BucketPosition.Of(bucketing, flag, bucketKey).IsBelow(thousandths);
    }

    /// <summary>
    /// True when one of the context's groups has a group rollout that includes the context. Groups are tried in the
    /// context's order, as Microsoft.FeatureManagement does; each is hashed as the context names it (lowercased with
    /// <c>ignore_case</c>).
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static bool IsInGroupRollout(BucketingAlgorithm bucketing, CompiledFlag flag, in FlagContext context)
    {
        var groups = context.Groups!;
        var rollouts = flag.GroupRollouts!;
        string? bucketKey = null;
        var keyed = false;
        for (var i = 0; i < groups.Count; i++)
        {
            var group = groups[i];
            if (group is null || !rollouts.TryGetValue(group, out var thousandths))
            {
                continue;
            }

            // 100% includes every member, with or without a bucket key.
            if (thousandths >= Percent.All)
            {
                return true;
            }

            if (!keyed)
            {
                bucketKey = BucketKey(bucketing, flag, in context);
                keyed = true;
            }

            if (bucketKey is null)
            {
                continue;
            }

            var hashedGroup = flag.IgnoreCase ? group.ToLowerInvariant() : group;
            if (BucketPosition.OfGroup(bucketing, flag, hashedGroup, bucketKey).IsBelow(thousandths))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The split share the context's bucket key falls in, or null when it falls in none.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static FlagOutcome? PickSplit(BucketingAlgorithm bucketing, CompiledFlag flag, in FlagContext context)
    {
        var outcomes = flag.SplitOutcomes;
        var thresholds = flag.SplitThresholds;
        var bucketKey = BucketKey(bucketing, flag, in context);
        var position = default(BucketPosition);
        var positioned = false;
        for (var i = 0; i < thresholds.Length; i++)
        {
            var threshold = thresholds[i];
            var previous = i == 0 ? 0 : thresholds[i - 1];
            if (threshold == previous)
            {
                // A 0% share covers no bucket.
                continue;
            }

            // A share that starts at 0% and reaches 100% covers every bucket, so it needs no bucket key.
            if (previous == 0 && threshold >= Percent.All)
            {
                return outcomes[i];
            }

            if (bucketKey is null)
            {
                return null;
            }

            if (!positioned)
            {
                position = BucketPosition.OfSplit(bucketing, flag, bucketKey);
                positioned = true;
            }

            if (position.IsBelow(threshold))
            {
                return outcomes[i];
            }
        }

        return null;
    }

    /// <summary>
    /// The context's bucket key for <paramref name="flag"/>, lowercased with <c>ignore_case</c>. Without one, null
    /// (not in any partial rollout) for the <c>typedflags</c> bucketing, and the empty id for <c>microsoft</c>, which
    /// Microsoft.FeatureManagement hashes for an anonymous caller.
    /// </summary>
    private static string? BucketKey(BucketingAlgorithm bucketing, CompiledFlag flag, in FlagContext context)
    {
        var key = flag.BucketBy == FlagBucketBy.Tenant ? context.Tenant : context.TargetingKey;
        if (string.IsNullOrEmpty(key))
        {
            return bucketing == BucketingAlgorithm.Microsoft ? string.Empty : null;
        }

        // Invariant lowering: Microsoft.FeatureManagement lowers with the current culture, which differs only under
        // cultures with special casing rules (Turkish dotted I); a process-wide setting must not move users.
        return flag.IgnoreCase ? key!.ToLowerInvariant() : key;
    }
}
