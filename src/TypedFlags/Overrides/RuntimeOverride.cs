namespace TypedFlags;

/// <summary>
/// A deploy-time override of one flag, read from configuration: a kill (step 1), a global value (step 5) and/or a
/// rollout that replaces the declared rollout and schedule (step 5, evaluation continues). Outcomes are built once,
/// so evaluation hands them out without allocating.
/// </summary>
internal sealed class RuntimeOverride
{
    public RuntimeOverride(string source, string raw, FlagOutcome? value, bool killed, int rolloutThousandths)
    {
        Source = source;
        Raw = raw;
        Value = value;
        Killed = killed ? new FlagOutcome(FlagValue.FromBool(false), FlagReason.Killed, source) : null;
        RolloutThousandths = rolloutThousandths;
        InRollout = new FlagOutcome(FlagValue.FromBool(true), FlagReason.Split, source);
    }

    /// <summary>Where the override came from, e.g. <c>config:Flags:invoices.write</c>.</summary>
    public string Source { get; }

    /// <summary>The configuration text, for messages.</summary>
    public string Raw { get; }

    /// <summary>Step 5: the forced value, or null.</summary>
    public FlagOutcome? Value { get; }

    /// <summary>Step 1: the Off outcome of a kill, or null.</summary>
    public FlagOutcome? Killed { get; }

    /// <summary>A rollout replacing the declared one, or <see cref="CompiledFlag.NoRollout"/>.</summary>
    public int RolloutThousandths { get; }

    /// <summary>The outcome of a context that the overriding rollout includes.</summary>
    public FlagOutcome InRollout { get; }
}
