namespace TypedFlags;

/// <summary>A bool flag: on, off, or shadow (off for users, on for dark-launched background work).</summary>
public sealed class BoolFlag
{
    private readonly FlagEngine _engine;
    private readonly int _index;

    /// <summary>Creates the accessor for flag <paramref name="index"/> of the engine's manifest.</summary>
    /// <param name="engine">The engine that evaluates the flag.</param>
    /// <param name="index">The index of the flag in <see cref="FlagManifest.Flags"/>.</param>
    /// <exception cref="System.ArgumentNullException"><paramref name="engine"/> is null.</exception>
    /// <exception cref="System.ArgumentException">The index is out of range or names a flag that is not bool.</exception>
    public BoolFlag(FlagEngine engine, int index)
    {
        Key = FlagAccessor.Resolve(engine, index, FlagValueKind.Bool, nameof(BoolFlag)).Key;
        _engine = engine;
        _index = index;
    }

    /// <summary>The flag key.</summary>
    public string Key { get; }

    /// <summary>
    /// True when the flag is on without a targeting context: targeting lists do not match, and a rollout applies
    /// only at 100%. Use <see cref="IsEnabledFor"/> when there is a user or tenant.
    /// </summary>
    public bool IsEnabled => _engine.ContextFree(_index).Mode == FlagMode.On;

    /// <summary>True when the flag is on for <paramref name="context"/> (shadow counts as off).</summary>
    /// <param name="context">Who the flag is evaluated for; a string converts to a context with that targeting key.</param>
    public bool IsEnabledFor(FlagContext context) => _engine.Evaluate(_index, in context).Mode == FlagMode.On;

    /// <summary>True when the flag is in shadow mode for <paramref name="context"/>: run the new path in the background, show users the old one.</summary>
    /// <param name="context">Who the flag is evaluated for.</param>
    public bool IsShadowFor(FlagContext context) => _engine.Evaluate(_index, in context).Mode == FlagMode.Shadow;

    /// <summary>Evaluates the flag for <paramref name="context"/>, with the reason and source of the result.</summary>
    /// <param name="context">Who the flag is evaluated for.</param>
    public FlagEvaluation<bool> Evaluate(FlagContext context)
    {
        var result = _engine.Evaluate(_index, in context);
        var mode = result.Mode;
        return new FlagEvaluation<bool>(Key, mode == FlagMode.On, mode, result.Reason, result.Source);
    }

    /// <summary>The flag key.</summary>
    public override string ToString() => Key;
}
