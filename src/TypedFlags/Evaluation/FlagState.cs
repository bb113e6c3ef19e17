namespace TypedFlags;

/// <summary>
/// One flag's state in one <see cref="FlagSnapshot"/>: the compiled declarations plus what can change while the
/// process runs (the rollout of the current schedule step, a forced value). Deploy-time overrides from
/// configuration belong here too, so that a reload only has to build new states.
/// </summary>
internal sealed class FlagState
{
    public FlagState(CompiledFlag flag, int rolloutThousandths, FlagValue? forced, RuntimeOverride? runtimeOverride = null)
    {
        Flag = flag;
        Override = runtimeOverride;

        // A runtime rollout replaces the declared rollout and schedule (SPEC §4.1 step 5).
        RolloutThousandths = runtimeOverride is { RolloutThousandths: >= 0 } ? runtimeOverride.RolloutThousandths : rolloutThousandths;
        Forced = forced is { } value ? new FlagOutcome(value, FlagReason.Override, FlagSources.Test) : null;
    }

    public CompiledFlag Flag { get; }

    /// <summary>The effective rollout in thousandths, or <see cref="CompiledFlag.NoRollout"/>.</summary>
    public int RolloutThousandths { get; }

    /// <summary>The deploy-time override from configuration, or null.</summary>
    public RuntimeOverride? Override { get; }

    /// <summary>The value a test forced, or null: it beats every step of the evaluation order.</summary>
    public FlagOutcome? Forced { get; }
}
