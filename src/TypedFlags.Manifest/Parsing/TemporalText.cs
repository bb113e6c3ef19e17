using System;
using System.Globalization;
using System.Text.RegularExpressions;

namespace TypedFlags.Manifest.Parsing;

/// <summary>The date, timestamp and duration grammars of flags.yaml.</summary>
public static class TemporalText
{
    // \z, not $: in .NET, $ also matches before a final "\n", so a quoted "30d\n" would pass as a duration.
    private static readonly Regex DatePattern = new(@"^[0-9]{4}-[0-9]{2}-[0-9]{2}\z", RegexOptions.CultureInvariant);
    private static readonly Regex InstantPattern = new(@"^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}(:[0-9]{2})?(Z|[+-][0-9]{2}:[0-9]{2})\z", RegexOptions.CultureInvariant);
    private static readonly Regex DaysPattern = new(@"^([0-9]{1,5})([dw])\z", RegexOptions.CultureInvariant);

    /// <summary>Longest accepted duration: 100 years.</summary>
    public const int MaxDays = 36_525;

    /// <summary>True when <paramref name="text"/> has the shape yyyy-MM-dd, whether or not the day exists.</summary>
    public static bool LooksLikeDate(string text) => DatePattern.IsMatch(text);

    /// <summary>Parses <c>yyyy-MM-dd</c> into a UTC midnight.</summary>
    public static bool TryParseDate(string text, out DateTime date)
    {
        if (DatePattern.IsMatch(text)
            && DateTime.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out date))
        {
            date = DateTime.SpecifyKind(date, DateTimeKind.Utc);
            return true;
        }

        date = default;
        return false;
    }

    /// <summary>Parses a date (00:00 UTC) or <c>yyyy-MM-ddTHH:mm[:ss](Z|±hh:mm)</c> into UTC.</summary>
    public static bool TryParseInstant(string text, out DateTime instant)
    {
        if (TryParseDate(text, out instant))
        {
            return true;
        }

        if (InstantPattern.IsMatch(text)
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var offset))
        {
            instant = offset.UtcDateTime;
            return true;
        }

        instant = default;
        return false;
    }

    /// <summary>Parses <c>Nd</c> (days) or <c>Nw</c> (weeks).</summary>
    public static bool TryParseDays(string text, out int days)
    {
        var match = DaysPattern.Match(text);
        if (match.Success)
        {
            days = int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) * (match.Groups[2].Value == "w" ? 7 : 1);
            if (days <= MaxDays)
            {
                return true;
            }
        }

        days = 0;
        return false;
    }

    /// <summary>Formats a UTC instant the way flags.yaml writes it (a date when it is midnight).</summary>
    public static string Format(DateTime utc) =>
        utc.TimeOfDay == TimeSpan.Zero
            ? utc.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : utc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
