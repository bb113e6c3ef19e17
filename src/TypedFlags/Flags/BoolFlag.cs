namespace TypedFlags;

/// <summary>A bool flag: on, off, or shadow (off for users, on for dark-launched background work).</summary>
public sealed partial class BoolFlag
{
    private readonly FlagEngine _engine;
    private readonly int _index;
    private readonly FlagContext _context;
    private readonly bool _bound;

    /// <summary>Creates the accessor for flag <paramref name="index"/> of the engine's manifest.</summary>
    /// <param name="engine">The engine that evaluates the flag.</param>
    /// <param name="index">The index of the flag in <see cref="FlagManifest.Flags"/>.</param>
    /// <exception cref="System.ArgumentNullException"><paramref name="engine"/> is null.</exception>
    /// <exception cref="System.ArgumentException">The index is out of range or names a flag that is not bool.</exception>
    public BoolFlag(FlagEngine engine, int index)
        : this(engine, index, null)
    {
    }

    /// <summary>Creates the accessor for flag <paramref name="index"/>, bound to <paramref name="context"/> when one is given.</summary>
    /// <param name="engine">The engine that evaluates the flag.</param>
    /// <param name="index">The index of the flag in <see cref="FlagManifest.Flags"/>.</param>
    /// <param name="context">
    /// The context <see cref="IsEnabled"/> and <see cref="IsShadow"/> evaluate for (the generated class's <c>For(context)</c>
    /// passes it); null for none, so they read the value without a context.
    /// </param>
    /// <exception cref="System.ArgumentNullException"><paramref name="engine"/> is null.</exception>
    /// <exception cref="System.ArgumentException">The index is out of range or names a flag that is not bool.</exception>
    public BoolFlag(FlagEngine engine, int index, FlagContext? context)
    {
        Key = FlagAccessor.Resolve(engine, index, FlagValueKind.Bool, nameof(BoolFlag)).Key;
        _engine = engine;
        _index = index;
        _bound = context.HasValue;
        _context = context.GetValueOrDefault();
    }

    /// <summary>The flag key.</summary>
    public string Key { get; }

    /// <summary>
    /// True when the flag is on for the bound context (see <see cref="BoolFlag(FlagEngine, int, FlagContext?)"/>), or,
    /// for an unbound accessor, without a targeting context: targeting lists do not match, and a rollout applies only
    /// at 100%. Use <see cref="IsEnabledFor"/> when there is a user or tenant.
    /// </summary>
    public bool IsEnabled => Current.Mode == FlagMode.On;

    /// <summary>True when the flag is in shadow mode for the bound context, or without a context for an unbound accessor.</summary>
    public bool IsShadow => Current.Mode == FlagMode.Shadow;

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

    /// <summary>The outcome for the bound context, or the precomputed one without a context.</summary>
    private FlagOutcome Current => _bound ? _engine.Evaluate(_index, in _context) : _engine.ContextFree(_index);
}
