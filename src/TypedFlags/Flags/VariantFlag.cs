using System;

namespace TypedFlags;

/// <summary>A flag whose value is one of its declared variants, exposed as the generated enum.</summary>
/// <typeparam name="TEnum">The generated enum; its members are the variants in declaration order.</typeparam>
public sealed class VariantFlag<TEnum>
    where TEnum : struct, Enum
{
    private readonly FlagEngine _engine;
    private readonly int _index;
    private readonly TEnum[] _values;
    private readonly FlagContext _context;
    private readonly bool _bound;

    /// <summary>Creates the accessor for flag <paramref name="index"/> of the engine's manifest.</summary>
    /// <param name="engine">The engine that evaluates the flag.</param>
    /// <param name="index">The index of the flag in <see cref="FlagManifest.Flags"/>.</param>
    /// <param name="values">The enum member for each declared variant, in declaration order.</param>
    /// <exception cref="ArgumentNullException"><paramref name="engine"/> or <paramref name="values"/> is null.</exception>
    /// <exception cref="ArgumentException">The index is out of range or names a flag that is not a variant flag, or the number of values differs from the number of variants.</exception>
    public VariantFlag(FlagEngine engine, int index, TEnum[] values)
        : this(engine, index, values, null)
    {
    }

    /// <summary>Creates the accessor for flag <paramref name="index"/>, bound to <paramref name="context"/> when one is given.</summary>
    /// <param name="engine">The engine that evaluates the flag.</param>
    /// <param name="index">The index of the flag in <see cref="FlagManifest.Flags"/>.</param>
    /// <param name="values">The enum member for each declared variant, in declaration order.</param>
    /// <param name="context">The context <see cref="Value"/> is evaluated for (the generated class's <c>For(context)</c> passes it); null for none.</param>
    /// <exception cref="ArgumentNullException"><paramref name="engine"/> or <paramref name="values"/> is null.</exception>
    /// <exception cref="ArgumentException">The index is out of range or names a flag that is not a variant flag, or the number of values differs from the number of variants.</exception>
    public VariantFlag(FlagEngine engine, int index, TEnum[] values, FlagContext? context)
    {
        var definition = FlagAccessor.Resolve(engine, index, FlagValueKind.Variant, "VariantFlag<" + typeof(TEnum).Name + ">");
        if (values is null)
        {
            throw new ArgumentNullException(nameof(values));
        }

        if (values.Length != definition.Variants.Count)
        {
            throw new ArgumentException($"Flag '{definition.Key}' declares {definition.Variants.Count} variant(s), but {values.Length} enum value(s) were given.", nameof(values));
        }

        Key = definition.Key;
        _engine = engine;
        _index = index;

        // Copied: the evaluation results index into it, so nobody else may change it.
        _values = (TEnum[])values.Clone();
        _bound = context.HasValue;
        _context = context.GetValueOrDefault();
    }

    /// <summary>The flag key.</summary>
    public string Key { get; }

    /// <summary>The variant for the bound context, or without a targeting context for an unbound accessor.</summary>
    public TEnum Value => _values[(_bound ? _engine.Evaluate(_index, in _context) : _engine.ContextFree(_index)).Value.Int32];

    /// <summary>The variant for <paramref name="context"/>.</summary>
    /// <param name="context">Who the flag is evaluated for.</param>
    public TEnum GetValue(FlagContext context) => _values[_engine.Evaluate(_index, in context).Value.Int32];

    /// <summary>Evaluates the flag for <paramref name="context"/>, with the reason and source of the result.</summary>
    /// <param name="context">Who the flag is evaluated for.</param>
    public FlagEvaluation<TEnum> Evaluate(FlagContext context)
    {
        var result = _engine.Evaluate(_index, in context);
        return new FlagEvaluation<TEnum>(Key, _values[result.Value.Int32], FlagMode.On, result.Reason, result.Source);
    }

    /// <summary>The flag key.</summary>
    public override string ToString() => Key;
}
