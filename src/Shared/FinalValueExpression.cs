using System;
using System.Globalization;
using Microsoft.CodeAnalysis.CSharp;
using TypedFlags.Manifest.Model;

namespace TypedFlags.Cleanup;

/// <summary>
/// The final value of a stale int, double, string or variant flag as the C# expression that replaces its reads. One
/// file, compiled into the analyzers (the code fix gets it through the TF1101/TF1102 diagnostic) and into the CLI's
/// cleanup, so both inline the same text.
/// </summary>
internal static class FinalValueExpression
{
    /// <summary>A non-bool value as a C# expression of the type the generated accessor's <c>Value</c> has; null for a bool or an undeclared variant.</summary>
    /// <param name="value">The final value.</param>
    /// <param name="flag">The flag (its variants and generated enum name).</param>
    /// <param name="ns">The namespace of the generated class, or null for the global namespace.</param>
    public static string? Of(FlagValueModel value, FlagModel flag, string? ns)
    {
        switch (value.Type)
        {
            case FlagValueType.Int:
                return value.Int32.ToString(CultureInfo.InvariantCulture);
            case FlagValueType.Double:
                // "1" would turn a double into an int where the value lands in a 'var'.
                var text = value.Double.ToString("R", CultureInfo.InvariantCulture);
                return text.IndexOfAny(new[] { '.', 'E', 'e' }) >= 0 ? text : text + ".0";
            case FlagValueType.String:
                return SymbolDisplay.FormatLiteral(value.Text ?? string.Empty, quote: true);
            case FlagValueType.Variant:
                foreach (var variant in flag.Variants)
                {
                    if (string.Equals(variant.Name, value.Text, StringComparison.OrdinalIgnoreCase))
                    {
                        return "global::" + (ns is null ? string.Empty : ns + ".") + flag.AccessorName + "." + variant.MemberName;
                    }
                }

                return null;
            default:
                return null;
        }
    }
}
