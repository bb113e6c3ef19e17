using System;

namespace TypedFlags.AspNetCore;

/// <summary>
/// A flag's lifecycle badge from the dates the runtime manifest carries, by the rules of the analyzers' FlagLifecycle
/// (SPEC §5): expired once the day after <c>expires</c> has begun (TF1101), launched once the day after
/// <c>launched</c> has begun. The runtime manifest does not carry <c>stale_after</c> or the kinds' lifetimes, so
/// "launched" is shown from the launch date on and "past lifetime" only where the generated manifest says so.
/// </summary>
internal static class FlagAdminStatus
{
    public const string Active = "active";
    public const string Launched = "launched";
    public const string Expired = "expired";

    public static string Of(FlagDefinition flag, DateTime today)
    {
        var day = today.Date;
        if (flag.Expires is { } expires && day > expires.Date)
        {
            return Expired;
        }

        return flag.Launched is { } launched && day > launched.Date ? Launched : Active;
    }
}
