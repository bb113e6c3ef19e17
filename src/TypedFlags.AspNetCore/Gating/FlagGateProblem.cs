using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace TypedFlags.AspNetCore;

/// <summary>The 403 body of a gate configured with <see cref="FlagDisabledResponse.ProblemDetails"/>.</summary>
internal static class FlagGateProblem
{
    /// <summary>The <c>code</c> extension of the problem details.</summary>
    public const string Code = "FEATURE_DISABLED";

    public static ProblemDetails Create(string key) => new()
    {
        Type = "https://tools.ietf.org/html/rfc9110#section-15.5.4",
        Title = "Feature disabled",
        Status = StatusCodes.Status403Forbidden,
        Detail = "This feature is not enabled for you.",
        Extensions =
        {
            ["code"] = Code,
            ["flag"] = key,
        },
    };
}
