using System;

namespace TypedFlags;

/// <summary>A flag with an <see cref="int"/>, <see cref="double"/> or <see cref="string"/> value.</summary>
/// <typeparam name="T"><see cref="int"/>, <see cref="double"/> or <see cref="string"/>, matching the flag's type.</typeparam>
public sealed class Flag<T>
{
    private readonly FlagEngine _engine;
    private readonly int _index;
    private readonly FlagContext _context;
    private readonly bool _bound;

    /// <summary>Creates the accessor for flag <paramref name="index"/> of the engine's manifest.</summary>
    /// <param name="engine">The engine that evaluates the flag.</param>
    /// <param name="index">The index of the flag in <see cref="FlagManifest.Flags"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="engine"/> is null.</exception>
    /// <exception cref="ArgumentException">The index is out of range, <typeparamref name="T"/> is not int, double or string, or it does not match the flag's type.</exception>
    public Flag(FlagEngine engine, int index)
        : this(engine, index, null)
    {
    }

    /// <summary>Creates the accessor for flag <paramref name="index"/>, bound to <paramref name="context"/> when one is given.</summary>
    /// <param name="engine">The engine that evaluates the flag.</param>
    /// <param name="index">The index of the flag in <see cref="FlagManifest.Flags"/>.</param>
    /// <param name="context">The context <see cref="Value"/> is evaluated for (the generated class's <c>For(context)</c> passes it); null for none.</param>
    /// <exception cref="ArgumentNullException"><paramref name="engine"/> is null.</exception>
    /// <exception cref="ArgumentException">The index is out of range, <typeparamref name="T"/> is not int, double or string, or it does not match the flag's type.</exception>
    public Flag(FlagEngine engine, int index, FlagContext? context)
    {
        Key = FlagAccessor.Resolve(engine, index, KindOfT(), "Flag<" + typeof(T).Name + ">").Key;
        _engine = engine;
        _index = index;
        _bound = context.HasValue;
        _context = context.GetValueOrDefault();
    }

    /// <summary>The flag key.</summary>
    public string Key { get; }

    /// <summary>The value for the bound context, or without a targeting context for an unbound accessor.</summary>
    public T Value => Convert((_bound ? _engine.Evaluate(_index, in _context) : _engine.ContextFree(_index)).Value);

    /// <summary>The value for <paramref name="context"/>.</summary>
    /// <param name="context">Who the flag is evaluated for.</param>
    public T GetValue(FlagContext context) => Convert(_engine.Evaluate(_index, in context).Value);

    /// <summary>Evaluates the flag for <paramref name="context"/>, with the reason and source of the result.</summary>
    /// <param name="context">Who the flag is evaluated for.</param>
    public FlagEvaluation<T> Evaluate(FlagContext context)
    {
        var result = _engine.Evaluate(_index, in context);
        return new FlagEvaluation<T>(Key, Convert(result.Value), FlagMode.On, result.Reason, result.Source);
    }

    /// <summary>The flag key.</summary>
    public override string ToString() => Key;

    private static FlagValueKind KindOfT()
    {
        if (typeof(T) == typeof(int))
        {
            return FlagValueKind.Int;
        }

        if (typeof(T) == typeof(double))
        {
            return FlagValueKind.Double;
        }

        if (typeof(T) == typeof(string))
        {
            return FlagValueKind.String;
        }

        throw new ArgumentException($"Flag<T> supports int, double and string; use BoolFlag or VariantFlag<TEnum> for {typeof(T).Name}.");
    }

    private static T Convert(FlagValue value)
    {
        // The JIT specializes each branch away per T, and (T)(object) of a value type of that exact type does
        // not box, so reads stay allocation-free.
        if (typeof(T) == typeof(int))
        {
            return (T)(object)value.Int32;
        }

        if (typeof(T) == typeof(double))
        {
            return (T)(object)value.Double;
        }

        return (T)(object)value.String!;
    }
}
