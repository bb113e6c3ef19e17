namespace TypedFlags;

/// <summary>The state of a bool flag. Flags of other types always evaluate to <see cref="On"/>.</summary>
public enum FlagMode
{
    /// <summary>The feature is off.</summary>
    Off,

    /// <summary>The feature is on.</summary>
    On,

    /// <summary>
    /// The feature is off for users, but the new code path may run in the background so its results can be
    /// compared with the current one (dark launch). <see cref="BoolFlag.IsEnabledFor"/> is false,
    /// <see cref="BoolFlag.IsShadowFor"/> is true.
    /// </summary>
    Shadow,
}
