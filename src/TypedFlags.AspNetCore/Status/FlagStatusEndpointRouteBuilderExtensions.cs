using System;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace TypedFlags.AspNetCore;

/// <summary>Maps the flag status endpoint.</summary>
public static class FlagStatusEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps <c>GET <paramref name="pattern"/></c> to a JSON document of every flag of every registered flags class for
    /// the caller: value, mode, reason and source, plus the caller's targeting context. It answers only authenticated
    /// callers: the endpoint requires the default authorization policy.
    /// </summary>
    /// <remarks>
    /// Add a policy with <c>.RequireAuthorization("FlagReaders")</c> on the result; open it to anonymous callers only
    /// explicitly, with <c>.AllowAnonymous()</c>. The app must call <c>AddAuthorization</c> and <c>UseAuthorization</c>,
    /// as for any endpoint that requires authorization (ASP.NET Core refuses to run it otherwise).
    /// </remarks>
    /// <param name="endpoints">The endpoint route builder, usually the <c>WebApplication</c>.</param>
    /// <param name="pattern">The route pattern, e.g. <c>/flags</c>.</param>
    /// <returns>The endpoint's convention builder, to add policies, <c>AllowAnonymous</c>, CORS and so on.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="endpoints"/> or <paramref name="pattern"/> is null.</exception>
    public static IEndpointConventionBuilder MapFlagStatus(this IEndpointRouteBuilder endpoints, string pattern)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentNullException.ThrowIfNull(pattern);

        return endpoints.MapGet(pattern, FlagStatusWriter.WriteAsync)
            .WithDisplayName("TypedFlags status")
            .RequireAuthorization();
    }
}
