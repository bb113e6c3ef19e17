using System;
using System.Globalization;

namespace TypedFlags;

/// <summary>
/// The value grammar of SPEC §4.2. Bool flags: <c>true/false/1/0/on/off/yes/no/enabled/disabled</c> (any case),
/// <c>shadow</c>, <c>kill</c>, or a rollout <c>25%</c>/<c>0.1%</c>. Int and double: invariant culture. String: as is.
/// Variant: a variant name, case-insensitively. An empty value means unset and is handled by the callers.
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
    public static bool TryParse(FlagDefinition definition, string raw, out OverrideScalar result)
    {
        var text = raw.Trim();
        result = default;
        switch (definition.Type)
        {
            case FlagValueKind.Bool:
                if (Matches(text, TrueWords))
                {
                    result = OverrideScalar.ForValue(FlagValue.FromBool(true));
                }
                else if (Matches(text, FalseWords))
                {
                    result = OverrideScalar.ForValue(FlagValue.FromBool(false));
                }
                else if (text.Equals("shadow", StringComparison.OrdinalIgnoreCase))
                {
                    result = OverrideScalar.ForValue(FlagValue.FromMode(FlagMode.Shadow));
                }
                else if (IsKill(text))
                {
                    result = OverrideScalar.ForKill();
                }
                else if (text.EndsWith("%", StringComparison.Ordinal) && Percent.TryParse(text.Substring(0, text.Length - 1), out var thousandths))
                {
                    result = OverrideScalar.ForRollout(thousandths);
                }
                else
                {
                    return false;
                }

                return true;
            case FlagValueKind.Int:
                if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var integer))
                {
                    result = OverrideScalar.ForValue(FlagValue.FromInt(integer));
                    return true;
                }

                return false;
            case FlagValueKind.Double:
                if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && !double.IsNaN(number) && !double.IsInfinity(number))
                {
                    result = OverrideScalar.ForValue(FlagValue.FromDouble(number));
                    return true;
                }

                return false;
            case FlagValueKind.String:
                // Strings are taken as written: surrounding spaces may be the point.
                result = OverrideScalar.ForValue(FlagValue.FromString(raw));
                return true;
            default:
                for (var i = 0; i < definition.Variants.Count; i++)
                {
                    if (string.Equals(definition.Variants[i], text, StringComparison.OrdinalIgnoreCase))
                    {
                        result = OverrideScalar.ForValue(FlagValue.FromVariant(i));
                        return true;
                    }
                }

                return false;
        }
    }

    /// <summary><c>kill</c> (or <c>killed</c>), any case: the kill-switch word of every flag type's <c>State</c>.</summary>
    public static bool IsKill(string text) =>
        text.Equals("kill", StringComparison.OrdinalIgnoreCase) || text.Equals("killed", StringComparison.OrdinalIgnoreCase);

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
