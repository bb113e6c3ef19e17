using System;
using TypedFlags.Manifest.Overrides;

namespace TypedFlags;

/// <summary>
/// Parses the <c>Expires</c> of an override: an ISO 8601 date-time (<c>2026-12-01T18:00:00Z</c>, an offset, or none
/// for UTC) or a date (<c>2026-12-01</c>), which means the override applies through that whole day, UTC.
/// </summary>
internal static class OverrideTime
{
    /// <summary>The accepted forms, for warnings.</summary>
    public const string Accepted = OverrideGrammar.ExpiresAccepted;

    public static bool TryParse(string text, out DateTimeOffset expires) => OverrideGrammar.TryParseExpires(text, out expires);
}
