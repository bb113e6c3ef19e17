namespace TypedFlags;

/// <summary>What one scalar in the override grammar asks for.</summary>
internal enum OverrideScalarKind
{
    /// <summary>A value for the flag (step 5, or step 3 for a target).</summary>
    Value,

    /// <summary><c>kill</c>: Off for everyone, or for the target (step 1).</summary>
    Kill,

    /// <summary>A rollout such as <c>25%</c> that replaces the declared rollout and schedule.</summary>
    Rollout,
}

/// <summary>One parsed scalar of the override grammar (see <see cref="OverrideParser"/>).</summary>
internal readonly struct OverrideScalar
{
    private OverrideScalar(OverrideScalarKind kind, FlagValue value, int rolloutThousandths)
    {
        Kind = kind;
        Value = value;
        RolloutThousandths = rolloutThousandths;
    }

    public OverrideScalarKind Kind { get; }

    /// <summary>The value, when <see cref="Kind"/> is <see cref="OverrideScalarKind.Value"/>.</summary>
    public FlagValue Value { get; }

    /// <summary>The rollout in thousandths, when <see cref="Kind"/> is <see cref="OverrideScalarKind.Rollout"/>.</summary>
    public int RolloutThousandths { get; }

    public static OverrideScalar ForValue(FlagValue value) => new(OverrideScalarKind.Value, value, CompiledFlag.NoRollout);

    public static OverrideScalar ForKill() => new(OverrideScalarKind.Kill, default, CompiledFlag.NoRollout);

    public static OverrideScalar ForRollout(int thousandths) => new(OverrideScalarKind.Rollout, default, thousandths);
}
