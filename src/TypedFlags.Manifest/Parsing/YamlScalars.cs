using System.Globalization;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace TypedFlags.Manifest.Parsing;

/// <summary>
/// Resolves plain scalars with the YAML 1.2 core schema, so that <c>yes</c> is a string and <c>1.0</c> a
/// number exactly as the JSON Schema validator in editors sees them. YamlDotNet's representation model
/// keeps every scalar as text; the resolution is ours.
/// </summary>
internal static class YamlScalars
{
    private static readonly Regex DecimalInt = new("^[-+]?[0-9]+$", RegexOptions.CultureInvariant);
    private static readonly Regex OctalInt = new("^0o[0-7]+$", RegexOptions.CultureInvariant);
    private static readonly Regex HexInt = new("^0x[0-9a-fA-F]+$", RegexOptions.CultureInvariant);
    private static readonly Regex Float = new(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$", RegexOptions.CultureInvariant);
    private static readonly Regex Infinity = new(@"^[-+]?\.(inf|Inf|INF)$", RegexOptions.CultureInvariant);
    private static readonly Regex NotANumber = new(@"^\.(nan|NaN|NAN)$", RegexOptions.CultureInvariant);

    public static ScalarKind Resolve(YamlScalarNode node)
    {
        var text = node.Value ?? string.Empty;
        if (node.Style is ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted or ScalarStyle.Literal or ScalarStyle.Folded)
        {
            return ScalarKind.String;
        }

        if (!node.Tag.IsEmpty && node.Tag.Value == "tag:yaml.org,2002:str")
        {
            return ScalarKind.String;
        }

        if (text is "" or "~" or "null" or "Null" or "NULL")
        {
            return ScalarKind.Null;
        }

        if (text is "true" or "True" or "TRUE" or "false" or "False" or "FALSE")
        {
            return ScalarKind.Bool;
        }

        // Every number of the core schema starts with a digit, a sign or a dot; most values (descriptions,
        // names) do not, and skip the regular expressions.
        var first = text[0];
        if (!(first is >= '0' and <= '9' or '-' or '+' or '.'))
        {
            return ScalarKind.String;
        }

        if (DecimalInt.IsMatch(text) || OctalInt.IsMatch(text) || HexInt.IsMatch(text))
        {
            return ScalarKind.Int;
        }

        if (Float.IsMatch(text) || Infinity.IsMatch(text) || NotANumber.IsMatch(text))
        {
            return ScalarKind.Float;
        }

        return ScalarKind.String;
    }

    public static bool IsTrue(string text) => text is "true" or "True" or "TRUE";

    /// <summary>Parses an int-resolved scalar; false when it does not fit in 32 bits.</summary>
    public static bool TryParseInt32(string text, out int value)
    {
        if (text.StartsWith("0x", System.StringComparison.Ordinal))
        {
            return int.TryParse(text.Substring(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out value) && value >= 0;
        }

        if (text.StartsWith("0o", System.StringComparison.Ordinal))
        {
            long result = 0;
            foreach (var c in text.Substring(2))
            {
                result = (result * 8) + (c - '0');
                if (result > int.MaxValue)
                {
                    value = 0;
                    return false;
                }
            }

            value = (int)result;
            return true;
        }

        return int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>Parses a number-resolved scalar as a decimal (exact, so precision checks are exact).</summary>
    public static bool TryParseDecimal(string text, out decimal value) =>
        decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value);

    /// <summary>Parses a number-resolved scalar as a finite double.</summary>
    public static bool TryParseFiniteDouble(string text, out double value)
    {
        if (Infinity.IsMatch(text) || NotANumber.IsMatch(text))
        {
            value = 0;
            return false;
        }

        if (TryParseInt32(text, out var integer) && !Float.IsMatch(text))
        {
            value = integer;
            return true;
        }

        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && !double.IsInfinity(value) && !double.IsNaN(value);
    }

    public static string Describe(ScalarKind kind) => kind switch
    {
        ScalarKind.Null => "null",
        ScalarKind.Bool => "a boolean",
        ScalarKind.Int => "an integer",
        ScalarKind.Float => "a number",
        _ => "a string",
    };
}
