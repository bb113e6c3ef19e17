using System.Globalization;
using System.Numerics;
using System.Text.RegularExpressions;

namespace TypedFlags.Manifest.Tests.Infrastructure;

/// <summary>What a YAML scalar stands for under the YAML 1.2 core schema.</summary>
internal enum CoreSchemaKind
{
    Null,
    Bool,
    Int,
    Float,
    String,
}

/// <summary>
/// The YAML 1.2 core schema's tag resolution (YAML 1.2.2, section 10.3.2), written out here on purpose: the schema
/// tests compare flags.schema.json with the parser, so the test's YAML reading must not borrow the parser's own
/// scalar rules (TypedFlags.Manifest's YamlScalars). These are the regular expressions of the specification, the
/// ones editors' YAML libraries implement.
/// </summary>
internal static class CoreSchemaScalar
{
    private static readonly Regex Null = new(@"^(?:null|Null|NULL|~|)$", RegexOptions.CultureInvariant);
    private static readonly Regex True = new(@"^(?:true|True|TRUE)$", RegexOptions.CultureInvariant);
    private static readonly Regex False = new(@"^(?:false|False|FALSE)$", RegexOptions.CultureInvariant);
    private static readonly Regex Decimal = new(@"^[-+]?[0-9]+$", RegexOptions.CultureInvariant);
    private static readonly Regex Octal = new(@"^0o[0-7]+$", RegexOptions.CultureInvariant);
    private static readonly Regex Hexadecimal = new(@"^0x[0-9a-fA-F]+$", RegexOptions.CultureInvariant);
    private static readonly Regex Float = new(@"^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$", RegexOptions.CultureInvariant);
    private static readonly Regex Infinity = new(@"^[-+]?(?:\.inf|\.Inf|\.INF)$", RegexOptions.CultureInvariant);
    private static readonly Regex NotANumber = new(@"^(?:\.nan|\.NaN|\.NAN)$", RegexOptions.CultureInvariant);

    /// <summary>The kind of a plain (unquoted, untagged) scalar: the first rule that matches, else a string.</summary>
    public static CoreSchemaKind Resolve(string text)
    {
        if (Null.IsMatch(text))
        {
            return CoreSchemaKind.Null;
        }

        if (True.IsMatch(text) || False.IsMatch(text))
        {
            return CoreSchemaKind.Bool;
        }

        if (Decimal.IsMatch(text) || Octal.IsMatch(text) || Hexadecimal.IsMatch(text))
        {
            return CoreSchemaKind.Int;
        }

        return Float.IsMatch(text) || Infinity.IsMatch(text) || NotANumber.IsMatch(text) ? CoreSchemaKind.Float : CoreSchemaKind.String;
    }

    /// <summary>Whether <paramref name="text"/> is written the way the core schema spells <paramref name="kind"/> (for explicit tags such as <c>!!int</c>).</summary>
    public static bool Matches(string text, CoreSchemaKind kind) => kind switch
    {
        CoreSchemaKind.Null => Null.IsMatch(text),
        CoreSchemaKind.Bool => True.IsMatch(text) || False.IsMatch(text),
        CoreSchemaKind.Int => Decimal.IsMatch(text) || Octal.IsMatch(text) || Hexadecimal.IsMatch(text),
        CoreSchemaKind.Float => Float.IsMatch(text) || Infinity.IsMatch(text) || NotANumber.IsMatch(text) || Decimal.IsMatch(text),
        _ => true,
    };

    public static bool BoolValue(string text) => True.IsMatch(text);

    /// <summary>The exact value of an int in any of the three notations.</summary>
    public static BigInteger IntValue(string text)
    {
        if (Octal.IsMatch(text))
        {
            var value = BigInteger.Zero;
            foreach (var digit in text.Substring(2))
            {
                value = (value * 8) + (digit - '0');
            }

            return value;
        }

        // A leading 0 keeps the hexadecimal digits positive.
        return Hexadecimal.IsMatch(text)
            ? BigInteger.Parse("0" + text.Substring(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture)
            : BigInteger.Parse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
    }

    /// <summary>The value of a float, infinities and not-a-number included.</summary>
    public static double FloatValue(string text)
    {
        if (Infinity.IsMatch(text))
        {
            return text[0] == '-' ? double.NegativeInfinity : double.PositiveInfinity;
        }

        return NotANumber.IsMatch(text) ? double.NaN : double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
    }
}
