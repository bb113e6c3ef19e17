using System;
using System.Globalization;

namespace TypedFlags;

/// <summary>
/// The value grammar of SPEC §4.2. Bool flags: <c>true/false/1/0/on/off/yes/no/enabled/disabled</c> (any case),
/// <c>shadow</c>, <c>kill</c>, or a rollout <c>25%</c>/<c>0.1%</c>. Int and double: invariant culture. String: as is.
/// Variant: a variant name, case-insensitively. An empty value means unset.
/// </summary>
internal static class OverrideParser
{
    private static readonly string[] TrueWords = { "true", "1", "on", "yes", "enabled" };
    private static readonly string[] FalseWords = { "false", "0", "off", "no", "disabled" };

    /// <summary>Human list of the accepted values for <paramref name="definition"/>, for warnings.</summary>
    public static string Accepted(FlagDefinition definition) => definition.Type switch
    {
        FlagValueKind.Bool => "true, false, 1, 0, on, off, yes, no, enabled, disabled, shadow, kill, or a rollout like 25% or 0.1%",
        FlagValueKind.Int => "a 32-bit integer (invariant culture)",
        FlagValueKind.Double => "a number (invariant culture, '.' as decimal separator)",
        FlagValueKind.String => "any text",
        _ => "one of " + string.Join(", ", definition.Variants) + " (case-insensitive)",
    };

    /// <summary>Parses <paramref name="raw"/>; false when it is not a valid value for the flag.</summary>
    public static bool TryParse(FlagDefinition definition, string raw, string source, out RuntimeOverride? result)
    {
        var text = raw.Trim();
        result = null;
        switch (definition.Type)
        {
            case FlagValueKind.Bool:
                if (Matches(text, TrueWords))
                {
                    result = Value(FlagValue.FromBool(true));
                }
                else if (Matches(text, FalseWords))
                {
                    result = Value(FlagValue.FromBool(false));
                }
                else if (text.Equals("shadow", StringComparison.OrdinalIgnoreCase))
                {
                    result = Value(FlagValue.FromMode(FlagMode.Shadow));
                }
                else if (text.Equals("kill", StringComparison.OrdinalIgnoreCase))
                {
                    result = new RuntimeOverride(source, raw, null, killed: true, CompiledFlag.NoRollout);
                }
                else if (text.EndsWith("%", StringComparison.Ordinal) && Percent.TryParse(text.Substring(0, text.Length - 1), out var thousandths))
                {
                    result = new RuntimeOverride(source, raw, null, killed: false, thousandths);
                }

                break;
            case FlagValueKind.Int:
                if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var integer))
                {
                    result = Value(FlagValue.FromInt(integer));
                }

                break;
            case FlagValueKind.Double:
                if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && !double.IsNaN(number) && !double.IsInfinity(number))
                {
                    result = Value(FlagValue.FromDouble(number));
                }

                break;
            case FlagValueKind.String:
                result = Value(FlagValue.FromString(raw));
                break;
            default:
                for (var i = 0; i < definition.Variants.Count; i++)
                {
                    if (string.Equals(definition.Variants[i], text, StringComparison.OrdinalIgnoreCase))
                    {
                        result = Value(FlagValue.FromVariant(i));
                        break;
                    }
                }

                break;
        }

        return result is not null;

        RuntimeOverride Value(FlagValue value) =>
            new(source, raw, new FlagOutcome(value, FlagReason.Override, source), killed: false, CompiledFlag.NoRollout);
    }

    private static bool Matches(string text, string[] words)
    {
        foreach (var word in words)
        {
            if (string.Equals(text, word, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
