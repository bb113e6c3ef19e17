namespace TypedFlags.Manifest.Model;

/// <summary>The declared <c>kind</c> of a flag; each kind has an expected lifetime.</summary>
public enum FlagKindModel
{
    /// <summary><c>release</c> (the default).</summary>
    Release,

    /// <summary><c>experiment</c>.</summary>
    Experiment,

    /// <summary><c>operational</c>.</summary>
    Operational,

    /// <summary><c>kill-switch</c>.</summary>
    KillSwitch,

    /// <summary><c>permission</c>.</summary>
    Permission,
}
