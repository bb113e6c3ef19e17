using System;
using System.Collections.Generic;
using System.Globalization;

namespace TypedFlags.Manifest.Overrides;

/// <summary>
/// The words, numbers and dates a deploy-time override may contain (SPEC §4.2). The runtime applies overrides
/// with these rules and the appsettings analyzer (TF2002) checks them at build time with the same rules.
/// </summary>
/// <remarks>
/// The runtime compiles this file too, as an internal type: it cannot reference this library, which ships only
/// under analyzers/, and the grammar the build checks must be the grammar the app runs.
/// </remarks>
#if TYPEDFLAGS_RUNTIME
internal
#else
public
#endif
static class OverrideGrammar
{
    /// <summary>Accepted values of a bool flag.</summary>
    public const string BoolAccepted = "true, false, 1, 0, on, off, yes, no, enabled, disabled, shadow, kill, or a rollout like 25% or 0.1%";

    /// <summary>Accepted values of an int flag.</summary>
    public const string IntAccepted = "a 32-bit integer (invariant culture)";

    /// <summary>Accepted values of a double flag.</summary>
    public const string DoubleAccepted = "a number (invariant culture, '.' as decimal separator)";

    /// <summary>Accepted values of a string flag.</summary>
    public const string StringAccepted = "any text";

    /// <summary>Accepted values of <c>State</c> on flags that are not bool.</summary>
    public const string StateAccepted = "kill (or killed), active";

    /// <summary>Accepted forms of <c>Allow</c> and <c>Deny</c>.</summary>
    public const string ListAccepted = "an array of targets, or one string of targets separated by ',' or ';' (alice, tenant:acme, group:beta)";

    /// <summary>Accepted values of a bool flag for one target (a target is in or out, so no rollout).</summary>
    public const string TargetValueAccepted = "a value or kill; a rollout does not apply to a single target";

    /// <summary>Accepted values of <c>Rollout</c>.</summary>
    public const string RolloutAccepted = "a percentage from 0 to 100 with at most three decimals and '.' as the decimal point (25, 0.1%)";

    /// <summary>Accepted values of <c>Expires</c>.</summary>
    public const string ExpiresAccepted = "a date (2026-12-31, through the end of that day UTC) or an ISO 8601 date-time (2026-12-31T18:00:00Z)";

    /// <summary>The fields of the object form.</summary>
    public const string ObjectFields = "Value, State, Rollout, Allow, Deny, Targets, Expires";

    /// <summary>The fields of one entry of <c>Targets</c>.</summary>
    public const string TargetFields = "Target, Value, State, Expires";

    private static readonly string[] TrueWords = { "true", "1", "on", "yes", "enabled" };
    private static readonly string[] FalseWords = { "false", "0", "off", "no", "disabled" };

    private static readonly string[] DateTimeFormats =
    {
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK",
        "yyyy-MM-dd'T'HH:mm:ssK",
        "yyyy-MM-dd'T'HH:mmK",
        "yyyy-MM-dd' 'HH:mm:ssK",
    };

    /// <summary>Accepted values of a variant flag.</summary>
    public static string VariantAccepted(IEnumerable<string> variants) => "one of " + string.Join(", ", variants) + " (case-insensitive)";

    /// <summary>A word that means on (any case, already trimmed).</summary>
    public static bool IsTrue(string text) => Matches(text, TrueWords);

    /// <summary>A word that means off (any case, already trimmed).</summary>
    public static bool IsFalse(string text) => Matches(text, FalseWords);

    /// <summary><c>shadow</c>, any case.</summary>
    public static bool IsShadow(string text) => text.Equals("shadow", StringComparison.OrdinalIgnoreCase);

    /// <summary><c>kill</c> (or <c>killed</c>), any case: the kill-switch word of every flag type's <c>State</c>.</summary>
    public static bool IsKill(string text) =>
        text.Equals("kill", StringComparison.OrdinalIgnoreCase) || text.Equals("killed", StringComparison.OrdinalIgnoreCase);

    /// <summary><c>active</c>, any case: a <c>State</c> that applies nothing.</summary>
    public static bool IsActive(string text) => text.Equals("active", StringComparison.OrdinalIgnoreCase);

    /// <summary>A 32-bit integer, invariant culture.</summary>
    public static bool TryParseInt(string text, out int value) =>
        int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out value);

    /// <summary>A finite number, invariant culture.</summary>
    public static bool TryParseDouble(string text, out double value) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && !double.IsNaN(value) && !double.IsInfinity(value);

    /// <summary>
    /// A percentage (0 to 100, at most three decimals, no '%') in thousandths: digits with an optional '.' and
    /// digits, surrounding spaces allowed. No group separators ("0,5" is not 5), no sign, no exponent: a
    /// culture-aware or permissive parse would turn a decimal comma into a factor of ten.
    /// Decimal arithmetic, so "0.1" is exactly 100 and "0.0001" is rejected rather than rounded.
    /// </summary>
    public static bool TryParsePercent(string text, out int thousandths)
    {
        thousandths = 0;
        text = text.Trim();
        if (!IsPlainDecimal(text)
            || !decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var percent)
            || percent > 100)
        {
            return false;
        }

        var scaled = percent * 1000;
        if (scaled != decimal.Truncate(scaled))
        {
            return false;
        }

        thousandths = (int)scaled;
        return true;
    }

    /// <summary>One or more ASCII digits, optionally followed by '.' and one or more digits.</summary>
    private static bool IsPlainDecimal(string text)
    {
        var digitsBefore = 0;
        var i = 0;
        for (; i < text.Length && text[i] >= '0' && text[i] <= '9'; i++)
        {
            digitsBefore++;
        }

        if (digitsBefore == 0 || digitsBefore > 12)
        {
            return false;
        }

        if (i == text.Length)
        {
            return true;
        }

        if (text[i] != '.' || i == text.Length - 1)
        {
            return false;
        }

        for (i++; i < text.Length; i++)
        {
            if (text[i] < '0' || text[i] > '9')
            {
                return false;
            }
        }

        return text.Length - digitsBefore - 1 <= 20;
    }

    /// <summary>
    /// An <c>Expires</c>: an ISO 8601 date-time (an offset, or none for UTC) or a date, which means through that whole
    /// day, UTC.
    /// </summary>
    public static bool TryParseExpires(string text, out DateTimeOffset expires)
    {
        text = text.Trim();
        if (DateTime.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            // The last representable day never ends.
            expires = date.Date == DateTime.MaxValue.Date ? DateTimeOffset.MaxValue : new DateTimeOffset(date.Date.AddDays(1), TimeSpan.Zero);
            return true;
        }

        return DateTimeOffset.TryParseExact(text, DateTimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out expires);
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
