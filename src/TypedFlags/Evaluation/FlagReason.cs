namespace TypedFlags;

/// <summary>Why an evaluation produced its value: the step of the evaluation order that decided it.</summary>
public enum FlagReason
{
    /// <summary>The flag's declared <c>default</c>.</summary>
    Default,

    /// <summary>The value declared for the current environment under <c>environments</c>.</summary>
    Environment,

    /// <summary>The flag's phase: on where the phase lists the current environment, off elsewhere.</summary>
    Phase,

    /// <summary>The context's bucket key fell inside the rollout percentage or a variant's split share.</summary>
    Split,

    /// <summary>The context matched an allow or deny entry or a per-target override (targeting key, <c>tenant:</c> or <c>group:</c>).</summary>
    TargetingMatch,

    /// <summary>A value set outside flags.yaml: configuration, the flag's environment variable, or a unit test's forced value.</summary>
    Override,

    /// <summary>A flag listed under <c>requires</c> is not on for the same context.</summary>
    Prerequisite,

    /// <summary>The flag was killed at run time, for everyone or for this target.</summary>
    Killed,
}
