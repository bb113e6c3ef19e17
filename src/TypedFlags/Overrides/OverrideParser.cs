using System;
using TypedFlags.Manifest.Overrides;

namespace TypedFlags;

/// <summary>
/// The value grammar of SPEC §4.2. Bool flags: <c>true/false/1/0/on/off/yes/no/enabled/disabled</c> (any case),
/// <c>shadow</c>, <c>kill</c>, or a rollout <c>25%</c>/<c>0.1%</c>. Int and double: invariant culture. String: as is.
/// Variant: a variant name, case-insensitively. An empty value means unset and is handled by the callers.
/// </summary>
internal static class OverrideParser
{
    /// <summary>Human list of the accepted values for <paramref name="definition"/>, for warnings.</summary>
    public static string Accepted(FlagDefinition definition) => definition.Type switch
    {
        FlagValueKind.Bool => OverrideGrammar.BoolAccepted,
        FlagValueKind.Int => OverrideGrammar.IntAccepted,
        FlagValueKind.Double => OverrideGrammar.DoubleAccepted,
        FlagValueKind.String => OverrideGrammar.StringAccepted,
        _ => OverrideGrammar.VariantAccepted(definition.Variants),
    };

    /// <summary>Parses <paramref name="raw"/>; false when it is not a valid value for the flag.</summary>
    public static bool TryParse(FlagDefinition definition, string raw, out OverrideScalar result)
    {
        var text = raw.Trim();
        result = default;
        switch (definition.Type)
        {
            case FlagValueKind.Bool:
                if (OverrideGrammar.IsTrue(text))
                {
                    result = OverrideScalar.ForValue(FlagValue.FromBool(true));
                }
                else if (OverrideGrammar.IsFalse(text))
                {
                    result = OverrideScalar.ForValue(FlagValue.FromBool(false));
                }
                else if (OverrideGrammar.IsShadow(text))
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
                if (OverrideGrammar.TryParseInt(text, out var integer))
                {
                    result = OverrideScalar.ForValue(FlagValue.FromInt(integer));
                    return true;
                }

                return false;
            case FlagValueKind.Double:
                if (OverrideGrammar.TryParseDouble(text, out var number))
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
    public static bool IsKill(string text) => OverrideGrammar.IsKill(text);
}
