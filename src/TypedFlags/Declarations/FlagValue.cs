using System;
using System.Globalization;

namespace TypedFlags;

/// <summary>
/// A declared or forced flag value, untyped so that one manifest can describe flags of every type.
/// Bool values carry a <see cref="FlagMode"/>; variant values carry the index into
/// <see cref="FlagDefinition.Variants"/>.
/// </summary>
/// <remarks>The default instance is a bool value in mode <see cref="FlagMode.Off"/>.</remarks>
public readonly struct FlagValue : IEquatable<FlagValue>
{
    // One slot per payload kind keeps the struct small and copy-cheap: _int32 holds the mode of a bool,
    // the value of an int and the index of a variant.
    private readonly int _int32;
    private readonly double _double;
    private readonly string? _string;

    private FlagValue(FlagValueKind kind, int int32, double @double, string? @string)
    {
        Kind = kind;
        _int32 = int32;
        _double = @double;
        _string = @string;
    }

    /// <summary>The type of the value.</summary>
    public FlagValueKind Kind { get; }

    /// <summary>The mode of a bool value; <see cref="FlagMode.On"/> for values of every other kind.</summary>
    public FlagMode Mode => Kind == FlagValueKind.Bool ? (FlagMode)_int32 : FlagMode.On;

    /// <summary>The value of an int, or the variant index of a variant; 0 for other kinds.</summary>
    public int Int32 => Kind == FlagValueKind.Int || Kind == FlagValueKind.Variant ? _int32 : 0;

    /// <summary>The value of a double; 0 for other kinds.</summary>
    public double Double => Kind == FlagValueKind.Double ? _double : 0d;

    /// <summary>The value of a string; null for other kinds.</summary>
    public string? String => Kind == FlagValueKind.String ? _string : null;

    /// <summary>A bool value in the given mode.</summary>
    /// <param name="mode">On, off or shadow.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="mode"/> is not a defined <see cref="FlagMode"/>.</exception>
    public static FlagValue FromMode(FlagMode mode)
    {
        if (mode != FlagMode.Off && mode != FlagMode.On && mode != FlagMode.Shadow)
        {
            throw new ArgumentOutOfRangeException(nameof(mode), mode, "Expected Off, On or Shadow.");
        }

        return new FlagValue(FlagValueKind.Bool, (int)mode, 0d, null);
    }

    /// <summary>A bool value: <see cref="FlagMode.On"/> for true, <see cref="FlagMode.Off"/> for false.</summary>
    /// <param name="value">The value.</param>
    public static FlagValue FromBool(bool value) => new(FlagValueKind.Bool, (int)(value ? FlagMode.On : FlagMode.Off), 0d, null);

    /// <summary>An int value.</summary>
    /// <param name="value">The value.</param>
    public static FlagValue FromInt(int value) => new(FlagValueKind.Int, value, 0d, null);

    /// <summary>A double value.</summary>
    /// <param name="value">The value.</param>
    public static FlagValue FromDouble(double value) => new(FlagValueKind.Double, 0, value, null);

    /// <summary>A string value.</summary>
    /// <param name="value">The value; may be empty but not null.</param>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    public static FlagValue FromString(string value) =>
        new(FlagValueKind.String, 0, 0d, value ?? throw new ArgumentNullException(nameof(value)));

    /// <summary>A variant value.</summary>
    /// <param name="index">The index of the variant in <see cref="FlagDefinition.Variants"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is negative.</exception>
    public static FlagValue FromVariant(int index)
    {
        if (index < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(index), index, "A variant index cannot be negative.");
        }

        return new FlagValue(FlagValueKind.Variant, index, 0d, null);
    }

    /// <summary>True when both values have the same kind and payload (strings compare ordinally).</summary>
    /// <param name="other">The value to compare with.</param>
    public bool Equals(FlagValue other) =>
        Kind == other.Kind
        && _int32 == other._int32
        && _double.Equals(other._double)
        && string.Equals(_string, other._string, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is FlagValue other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        unchecked
        {
            var hash = (int)Kind;
            hash = (hash * 397) ^ _int32;
            hash = (hash * 397) ^ _double.GetHashCode();
            hash = (hash * 397) ^ (_string is null ? 0 : StringComparer.Ordinal.GetHashCode(_string));
            return hash;
        }
    }

    /// <summary>
    /// The value as flags.yaml would write it: <c>true</c>, <c>false</c>, <c>shadow</c>, a number in the invariant
    /// culture, the string itself, or <c>variant #N</c> (the value does not know the variant names).
    /// </summary>
    public override string ToString() => Kind switch
    {
        FlagValueKind.Bool => Mode switch
        {
            FlagMode.On => "true",
            FlagMode.Shadow => "shadow",
            _ => "false",
        },
        FlagValueKind.Int => _int32.ToString(CultureInfo.InvariantCulture),
        FlagValueKind.Double => _double.ToString("R", CultureInfo.InvariantCulture),
        FlagValueKind.String => _string ?? string.Empty,
        _ => "variant #" + _int32.ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>True when both values are equal.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    public static bool operator ==(FlagValue left, FlagValue right) => left.Equals(right);

    /// <summary>True when the values differ.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    public static bool operator !=(FlagValue left, FlagValue right) => !left.Equals(right);
}
