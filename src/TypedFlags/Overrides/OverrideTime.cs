using System;
using System.Globalization;

namespace TypedFlags;

/// <summary>
/// Parses the <c>Expires</c> of an override: an ISO 8601 date-time (<c>2026-12-01T18:00:00Z</c>, an offset, or none
/// for UTC) or a date (<c>2026-12-01</c>), which means the override applies through that whole day, UTC.
/// </summary>
internal static class OverrideTime
{
    /// <summary>The accepted forms, for warnings.</summary>
    public const string Accepted = "a date (2026-12-31, through the end of that day UTC) or an ISO 8601 date-time (2026-12-31T18:00:00Z)";

    private static readonly string[] DateTimeFormats =
    {
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK",
        "yyyy-MM-dd'T'HH:mm:ssK",
        "yyyy-MM-dd'T'HH:mmK",
        "yyyy-MM-dd' 'HH:mm:ssK",
    };

    public static bool TryParse(string text, out DateTimeOffset expires)
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
}
