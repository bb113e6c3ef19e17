using System;
using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis.CSharp;

namespace TypedFlags.Generators.Emit;

/// <summary>C# literal and XML doc text for values that come from flags.yaml (never trusted to be safe as-is).</summary>
internal static class CSharpLiterals
{
    public static string String(string value) => SymbolDisplay.FormatLiteral(value, quote: true);

    public static string Double(double value) => value.ToString("R", CultureInfo.InvariantCulture) + "d";

    public static string Int32(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>A percentage from thousandths, as the shortest exact decimal (<c>0.1</c>, <c>10</c>).</summary>
    public static string Percent(int thousandths) => (thousandths / 1000m).ToString("0.###", CultureInfo.InvariantCulture);

    public static string DateTime(DateTime utc) => string.Format(
        CultureInfo.InvariantCulture,
        "new global::System.DateTime({0}, {1}, {2}, {3}, {4}, {5}, global::System.DateTimeKind.Utc)",
        utc.Year,
        utc.Month,
        utc.Day,
        utc.Hour,
        utc.Minute,
        utc.Second);

    public static string DateTimeOffset(DateTime utc) => string.Format(
        CultureInfo.InvariantCulture,
        "new global::System.DateTimeOffset({0}, {1}, {2}, {3}, {4}, {5}, global::System.TimeSpan.Zero)",
        utc.Year,
        utc.Month,
        utc.Day,
        utc.Hour,
        utc.Minute,
        utc.Second);

    /// <summary>Escapes text for an XML doc comment; control characters are dropped so a line cannot end the comment.</summary>
    public static string Xml(string value)
    {
        var builder = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            switch (c)
            {
                case '<': builder.Append("&lt;"); break;
                case '>': builder.Append("&gt;"); break;
                case '&': builder.Append("&amp;"); break;
                case '\t': builder.Append(' '); break;
                default:
                    if (!char.IsControl(c) && c != '\u2028' && c != '\u2029' && c != '\u0085')
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        return builder.ToString();
    }

    /// <summary>Splits a (possibly multi-line) description into doc comment lines.</summary>
    public static string[] XmlLines(string value)
    {
        var lines = value.Replace("\r\n", "\n").Replace('\r', '\n').Trim('\n').Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            lines[i] = Xml(lines[i]).TrimEnd();
        }

        return lines;
    }
}
