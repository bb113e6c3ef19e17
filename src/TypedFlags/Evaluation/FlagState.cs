using System;

namespace TypedFlags;

/// <summary>
/// One flag's state in one <see cref="FlagSnapshot"/>: the compiled declarations combined with what can change
/// while the process runs — the rollout of the current schedule step, the deploy-time override from
/// configuration as it stands at the snapshot's time (expired parts left out), a value forced by a test. Every
/// step of the evaluation order reads one field here, so a reload or a timer only has to build new states.
/// </summary>
internal sealed class FlagState
{
    public FlagState(CompiledFlag flag, DateTimeOffset now, FlagValue? forced, RuntimeOverride? runtimeOverride)
    {
        Flag = flag;
        Forced = forced is { } value ? new FlagOutcome(value, FlagReason.Override, FlagSources.Test) : null;
        Deny = flag.Deny;
        Allow = flag.Allow;
        InRollout = flag.InRollout;
        RolloutThousandths = flag.RolloutAt(now);

        var active = runtimeOverride is not null && runtimeOverride.AppliesAt(now) ? runtimeOverride : null;
        if (active is null)
        {
            return;
        }

        Override = active;
        Killed = active.Killed;
        Value = active.Value;
        (TargetKills, Targets) = active.TargetsAt(now);
        Deny = TargetMap.Merge(flag.Deny, active.Deny);
        Allow = TargetMap.Merge(flag.Allow, active.Allow);
        if (flag.IgnoreCase)
        {
            // ignore_case covers runtime targets as well as declared ones (configuration keys ignore case too).
            TargetKills = TargetMap.IgnoringCase(TargetKills);
            Targets = TargetMap.IgnoringCase(Targets);
            Deny = TargetMap.IgnoringCase(Deny);
            Allow = TargetMap.IgnoringCase(Allow);
        }

        // A runtime rollout replaces the declared rollout and schedule (SPEC §4.1 step 5).
        if (active.RolloutThousandths >= 0)
        {
            RolloutThousandths = active.RolloutThousandths;
            InRollout = active.InRollout;
        }
    }

    public CompiledFlag Flag { get; }

    /// <summary>The deploy-time override in effect, or null.</summary>
    public RuntimeOverride? Override { get; }

    /// <summary>The value a test forced, or null: it beats every step of the evaluation order.</summary>
    public FlagOutcome? Forced { get; }

    /// <summary>Step 1: a global kill, or null.</summary>
    public FlagOutcome? Killed { get; }

    /// <summary>Step 1: per-target kills in effect, or null.</summary>
    public TargetMap? TargetKills { get; }

    /// <summary>Step 3: per-target values in effect, or null.</summary>
    public TargetMap? Targets { get; }

    /// <summary>Step 4: declared plus runtime deny entries, or null.</summary>
    public TargetMap? Deny { get; }

    /// <summary>Step 4: declared plus runtime allow entries, or null.</summary>
    public TargetMap? Allow { get; }

    /// <summary>Step 5: a global value, or null.</summary>
    public FlagOutcome? Value { get; }

    /// <summary>The effective rollout in thousandths (runtime, else current schedule step, else declared), or <see cref="CompiledFlag.NoRollout"/>.</summary>
    public int RolloutThousandths { get; }

    /// <summary>Step 7: the outcome of a context inside the effective rollout.</summary>
    public FlagOutcome InRollout { get; }
}
