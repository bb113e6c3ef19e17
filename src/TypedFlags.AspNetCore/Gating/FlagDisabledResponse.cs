namespace TypedFlags.AspNetCore;

/// <summary>What an endpoint gate answers when its flag is off for the caller.</summary>
public enum FlagDisabledResponse
{
    /// <summary>404 Not Found with an empty body: the endpoint does not exist for this caller.</summary>
    NotFound = 0,

    /// <summary>
    /// 403 Forbidden with RFC 9457 problem details (<c>application/problem+json</c>) whose <c>code</c> is
    /// <c>FEATURE_DISABLED</c> and whose <c>flag</c> is the key, so a client can tell a disabled feature from a denied permission.
    /// </summary>
    ProblemDetails = 1,
}
