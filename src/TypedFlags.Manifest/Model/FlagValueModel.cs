using System;
using System.Globalization;

namespace TypedFlags.Manifest.Model;

/// <summary>
/// A declared value of a flag, already checked against the flag's type. One record for every type keeps
/// <c>default</c> and <c>environments</c> values uniform; only the member matching <see cref="Type"/> is meaningful.
/// </summary>
/// <param name="Type">The flag type the value belongs to.</param>
/// <param name="Mode">Bool flags: on, off or shadow.</param>
/// <param name="Int32">Int flags: the value.</param>
/// <param name="Double">Double flags: the value (always finite).</param>
/// <param name="Text">String flags: the value; variant flags: the variant name as declared.</param>
public sealed record FlagValueModel(FlagValueType Type, BoolMode Mode, int Int32, double Double, string? Text)
{
    /// <summary>A bool value.</summary>
    public static FlagValueModel FromMode(BoolMode mode) => new(FlagValueType.Bool, mode, 0, 0, null);

    /// <summary>An int value.</summary>
    public static FlagValueModel FromInt32(int value) => new(FlagValueType.Int, BoolMode.Off, value, 0, null);

    /// <summary>A double value.</summary>
    public static FlagValueModel FromDouble(double value) => new(FlagValueType.Double, BoolMode.Off, 0, value, null);

    /// <summary>A string value.</summary>
    public static FlagValueModel FromString(string value) => new(FlagValueType.String, BoolMode.Off, 0, 0, value);

    /// <summary>A variant value, by name.</summary>
    public static FlagValueModel FromVariant(string name) => new(FlagValueType.Variant, BoolMode.Off, 0, 0, name);

    /// <summary>The implicit default of a type (<c>false</c>, <c>0</c>, <c>0.0</c>, <c>""</c>); variants default to their first name.</summary>
    public static FlagValueModel DefaultFor(FlagValueType type, string? firstVariant) => type switch
    {
        FlagValueType.Bool => FromMode(BoolMode.Off),
        FlagValueType.Int => FromInt32(0),
        FlagValueType.Double => FromDouble(0),
        FlagValueType.String => FromString(string.Empty),
        _ => FromVariant(firstVariant ?? string.Empty),
    };

    /// <summary>The value as it would be written in flags.yaml (invariant culture).</summary>
    public string ToDisplayString() => Type switch
    {
        FlagValueType.Bool => Mode switch { BoolMode.On => "true", BoolMode.Shadow => "shadow", _ => "false" },
        FlagValueType.Int => Int32.ToString(CultureInfo.InvariantCulture),
        FlagValueType.Double => Double.ToString("R", CultureInfo.InvariantCulture),
        _ => Text ?? string.Empty,
    };

    /// <inheritdoc />
    public override string ToString() => ToDisplayString();
}
