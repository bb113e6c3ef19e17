namespace TypedFlags;

/// <summary>What a flag is for (<c>kind:</c> in flags.yaml); it sets the expected lifetime used by staleness reports.</summary>
public enum FlagKind
{
    /// <summary>Gates a feature while it is being released; removed once the feature is launched.</summary>
    Release,

    /// <summary>Splits users between variants to measure an outcome; removed when the experiment ends.</summary>
    Experiment,

    /// <summary>Controls operational behaviour (degradation, tuning) for a limited time.</summary>
    Operational,

    /// <summary>Turns a feature off in an emergency; kept for as long as the feature exists.</summary>
    KillSwitch,

    /// <summary>Grants a feature to some users or tenants; kept for as long as the feature exists.</summary>
    Permission,
}
