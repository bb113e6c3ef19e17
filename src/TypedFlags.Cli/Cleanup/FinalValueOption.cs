using System;
using System.Linq;
using TypedFlags.Manifest.Model;
using TypedFlags.Manifest.Overrides;

namespace TypedFlags.Cli.Cleanup;

/// <summary>
/// Reads <c>cleanup KEY --value V</c> with the flag's type, in the words of the override grammar (the runtime reads an
/// override of the flag the same way): for a bool flag any of its on and off words; the words that are no final value
/// (<c>shadow</c>, <c>kill</c>, a rollout) are refused.
/// </summary>
internal static class FinalValueOption
{
    /// <summary>What the bool flag's <c>--value</c> accepts.</summary>
    public const string BoolAccepted = "true or false (also 1/0, on/off, yes/no, enabled/disabled)";

    /// <summary>The value, or null with <paramref name="accepted"/> naming what the flag's type accepts.</summary>
    public static FlagValueModel? Parse(FlagModel flag, string text, out string accepted)
    {
        var value = text.Trim();
        switch (flag.Type)
        {
            case FlagValueType.Bool:
                accepted = BoolAccepted;
                return OverrideGrammar.IsTrue(value) ? FlagValueModel.FromMode(BoolMode.On)
                    : OverrideGrammar.IsFalse(value) ? FlagValueModel.FromMode(BoolMode.Off)
                    : null;
            case FlagValueType.Int:
                accepted = OverrideGrammar.IntAccepted;
                return OverrideGrammar.TryParseInt(value, out var number) ? FlagValueModel.FromInt32(number) : null;
            case FlagValueType.Double:
                accepted = OverrideGrammar.DoubleAccepted;
                return OverrideGrammar.TryParseDouble(value, out var real) ? FlagValueModel.FromDouble(real) : null;
            case FlagValueType.String:
                accepted = OverrideGrammar.StringAccepted;

                // The text as given: spaces in a string value are data.
                return FlagValueModel.FromString(text);
            default:
                accepted = OverrideGrammar.VariantAccepted(flag.Variants.Select(v => v.Name));
                var variant = flag.Variants.FirstOrDefault(v => string.Equals(v.Name, value, StringComparison.OrdinalIgnoreCase));
                return variant is null ? null : FlagValueModel.FromVariant(variant.Name);
        }
    }
}
