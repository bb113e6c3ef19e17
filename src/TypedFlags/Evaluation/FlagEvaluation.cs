using System;
using System.Globalization;

namespace TypedFlags;

/// <summary>The value of a flag for one context, with the reason and where the deciding value came from.</summary>
/// <typeparam name="T"><see cref="bool"/>, <see cref="int"/>, <see cref="double"/>, <see cref="string"/> or the variant enum.</typeparam>
public readonly struct FlagEvaluation<T>
{
    /// <summary>Creates an evaluation result.</summary>
    /// <param name="key">The flag key.</param>
    /// <param name="value">The value.</param>
    /// <param name="mode">On, off or shadow for bool flags; <see cref="FlagMode.On"/> for other types.</param>
    /// <param name="reason">The step of the evaluation order that decided the value.</param>
    /// <param name="source">Where the deciding value came from, e.g. <c>flags.yaml</c>.</param>
    public FlagEvaluation(string key, T value, FlagMode mode, FlagReason reason, string source)
    {
        Key = key;
        Value = value;
        Mode = mode;
        Reason = reason;
        Source = source;
    }

    /// <summary>The flag key.</summary>
    public string Key { get; }

    /// <summary>The value; for bool flags true only when <see cref="Mode"/> is <see cref="FlagMode.On"/>.</summary>
    public T Value { get; }

    /// <summary>On, off or shadow for bool flags; always <see cref="FlagMode.On"/> for other types.</summary>
    public FlagMode Mode { get; }

    /// <summary>The step of the evaluation order that decided the value.</summary>
    public FlagReason Reason { get; }

    /// <summary>
    /// Where the deciding value came from: <c>flags.yaml</c> for declared values, <c>test</c> for values forced by
    /// <see cref="FlagEngine.ForTesting"/>.
    /// </summary>
    public string Source { get; }

    /// <summary>
    /// The evaluation for logs, e.g. <c>invoices.write = shadow (Default, flags.yaml)</c> or
    /// <c>checkout.layout = Compact (Split, flags.yaml)</c>.
    /// </summary>
    public override string ToString()
    {
        string text;
        if (typeof(T) == typeof(bool))
        {
            // The mode says more than the bool: a shadowed flag reads false but is not simply off.
            text = Mode switch
            {
                FlagMode.On => "on",
                FlagMode.Shadow => "shadow",
                _ => "off",
            };
        }
        else if (Value is string s)
        {
            text = "\"" + s + "\"";
        }
        else if (Value is IFormattable formattable)
        {
            text = formattable.ToString(null, CultureInfo.InvariantCulture);
        }
        else
        {
            text = Value?.ToString() ?? "null";
        }

        return Key + " = " + text + " (" + Reason + ", " + Source + ")";
    }
}
