using System.Collections.Generic;
using Microsoft.AspNetCore.Http;

namespace TypedFlags.AspNetCore;

/// <summary>The admin API's error answers, as RFC 9457 problem details.</summary>
internal static class FlagAdminProblems
{
    /// <summary>400 naming the field at fault in <c>errors</c>, with the message (TF2001/TF2002 wording for overrides) as detail too.</summary>
    public static IResult Invalid(string field, string message) => Results.ValidationProblem(
        new Dictionary<string, string[]> { [field] = new[] { message } },
        detail: message,
        title: "The change is not valid; nothing was written.");

    /// <summary>404 for a key no registered flags class declares.</summary>
    public static IResult NotDeclared(string message) => Results.Problem(message, statusCode: StatusCodes.Status404NotFound, title: "No such flag.");

    /// <summary>412: the If-Match revision is not the flag's current one.</summary>
    public static IResult Stale(string key, long ifMatch, long current) => Results.Problem(
        $"Flag '{key}' changed after revision {ifMatch}: its current revision is {current}. Read it again and retry; nothing was written.",
        statusCode: StatusCodes.Status412PreconditionFailed,
        title: "The flag changed since it was read.",
        extensions: new Dictionary<string, object?> { ["revision"] = current });

    /// <summary>409: another write committed between this one's read and write.</summary>
    public static IResult Conflict(FlagStoreWriteResult result) => Results.Problem(
        result.Message,
        statusCode: StatusCodes.Status409Conflict,
        title: "Another change was written first.",
        extensions: new Dictionary<string, object?> { ["revision"] = result.Revision });
}
