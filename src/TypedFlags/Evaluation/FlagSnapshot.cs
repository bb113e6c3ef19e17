using System;

namespace TypedFlags;

/// <summary>
/// The immutable state of every flag at one moment. The engine publishes a new snapshot (through one volatile
/// field) whenever something changes — a configuration reload, a schedule step starting, an override expiring — so readers never lock and always see one
/// consistent set of values. The values for a request without a context are computed here, once, which makes
/// <see cref="BoolFlag.IsEnabled"/> an array read.
/// </summary>
internal sealed class FlagSnapshot
{
    private FlagSnapshot(FlagState[] states, BucketingAlgorithm bucketing, DateTimeOffset? nextChange)
    {
        States = states;
        Bucketing = bucketing;
        NextChange = nextChange;
        ContextFree = new FlagOutcome[states.Length];

        // Evaluation reads only States, so the context-free results can be filled in any order.
        var none = default(FlagContext);
        for (var i = 0; i < states.Length; i++)
        {
            ContextFree[i] = FlagEvaluator.Evaluate(this, i, in none);
        }
    }

    public FlagState[] States { get; }

    public BucketingAlgorithm Bucketing { get; }

    /// <summary>Each flag's outcome for the empty context: what the context-free accessors return.</summary>
    public FlagOutcome[] ContextFree { get; }

    /// <summary>When the next schedule step starts or an override expires (and this snapshot goes stale), or null.</summary>
    public DateTimeOffset? NextChange { get; }

    /// <summary>Builds the snapshot for <paramref name="now"/>.</summary>
    /// <param name="flags">The compiled flags.</param>
    /// <param name="forced">Values forced by a test, per flag index (null entries are not forced), or null.</param>
    /// <param name="bucketing">The manifest's bucketing algorithm.</param>
    /// <param name="now">The current time, which selects each flag's schedule step.</param>
    /// <param name="overrides">Deploy-time overrides per flag index (null entries: none), or null.</param>
    public static FlagSnapshot Build(CompiledFlag[] flags, FlagValue?[]? forced, BucketingAlgorithm bucketing, DateTimeOffset now, RuntimeOverride?[]? overrides = null)
    {
        var states = new FlagState[flags.Length];
        DateTimeOffset? nextChange = null;
        for (var i = 0; i < flags.Length; i++)
        {
            var flag = flags[i];
            var forcedValue = forced?[i];
            var runtimeOverride = overrides?[i];
            var state = new FlagState(flag, now, forcedValue, runtimeOverride);
            states[i] = state;

            // A forced value decides alone, so nothing else about the flag needs a timer.
            if (forcedValue.HasValue)
            {
                continue;
            }

            // A runtime rollout ignores the schedule; otherwise the next step starting changes the flag.
            if (state.Override is not { RolloutThousandths: >= 0 })
            {
                Earliest(ref nextChange, flag.NextStepAfter(now));
            }

            // An override, or one of its targets, expiring changes the flag too.
            Earliest(ref nextChange, runtimeOverride?.NextExpiryAfter(now));
        }

        return new FlagSnapshot(states, bucketing, nextChange);
    }

    private static void Earliest(ref DateTimeOffset? current, DateTimeOffset? candidate)
    {
        if (candidate is { } at && (current is null || at < current.Value))
        {
            current = at;
        }
    }
}
