using System;
using System.Reflection;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace TypedFlags.AspNetCore;

/// <summary>Maps the flag admin API over the app's <see cref="FlagStore"/>.</summary>
public static class FlagAdminEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps the flag admin page at <c><paramref name="pattern"/>/</c> and its JSON API under <c><paramref name="pattern"/>/api</c>: list and read flags with their
    /// declaration, lifecycle status, store override and effective value; set, replace or remove an override; change
    /// its value or rollout; kill; per-target overrides with expiry; and the audit history. Every endpoint requires
    /// <paramref name="policy"/>; every change records the signed-in user as its actor and needs a reason.
    /// </summary>
    /// <remarks>
    /// <para>
    /// There is no anonymous default: the policy is a required argument, and the app defines it with
    /// <c>AddAuthorization</c>. The app registers the store (<c>AddFlagStore</c>, <c>AddSqliteFlagStore</c>) and its flags
    /// classes (<c>AddTypedFlags</c>); nothing here registers services, and nothing is loaded until a request comes.
    /// </para>
    /// <para>
    /// Reads answer with an <c>ETag</c>: the flag's revision, or the store's for the list. A write with
    /// <c>If-Match</c> whose revision is not the flag's current one is refused with 412; a write that loses a race with
    /// another writer gets 409. Invalid writes get 400 validation problem details naming the field, worded as
    /// TF2001/TF2002.
    /// </para>
    /// </remarks>
    /// <param name="endpoints">The endpoint route builder, usually the <c>WebApplication</c>.</param>
    /// <param name="pattern">The route prefix, e.g. <c>/admin/flags</c>.</param>
    /// <param name="policy">The authorization policy every admin endpoint requires.</param>
    /// <returns>The group's convention builder, to add more conventions (CORS, rate limiting, tags).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="endpoints"/> or <paramref name="pattern"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="policy"/> is null or blank.</exception>
    /// <exception cref="InvalidOperationException">No <see cref="FlagStore"/> is registered.</exception>
    public static RouteGroupBuilder MapFlagAdmin(this IEndpointRouteBuilder endpoints, string pattern, string policy)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentNullException.ThrowIfNull(pattern);
        if (string.IsNullOrWhiteSpace(policy))
        {
            throw new ArgumentException("The flag admin endpoints need an authorization policy name: there is no anonymous default.", nameof(policy));
        }

        // Checked at startup, without creating the store: a missing store is a setup error, not a 500 per request.
        if (endpoints.ServiceProvider.GetService<IServiceProviderIsService>() is { } isService && !isService.IsService(typeof(FlagStore)))
        {
            throw new InvalidOperationException("MapFlagAdmin needs a flag store: register one with AddFlagStore or a backend's shorthand (AddSqliteFlagStore).");
        }

        var group = endpoints.MapGroup(pattern);
        group.RequireAuthorization(policy);
        group.WithTags("TypedFlags admin");

        group.MapGet("/", FlagAdminPage.ServeIndexAsync)
            .WithName("TypedFlagsAdminPage").WithSummary("The admin page: a flag table with toggles, rollout, kill switch, targets and history.").ExcludeFromDescription();
        group.MapGet("/assets/{file}", FlagAdminPage.ServeAssetAsync)
            .WithName("TypedFlagsAdminAsset").ExcludeFromDescription();
        group.MapGet("/api/flags", Run(FlagAdminHandlers.ListAsync))
            .Describes(nameof(FlagAdminHandlers.ListAsync)).WithName("TypedFlagsAdminList").WithSummary("Every declared flag with its declaration, lifecycle status, store override and effective value for the context in the query (user, tenant, groups).")
            .WithMetadata(Json(StatusCodes.Status200OK));
        group.MapGet("/api/flags/{key}", Run(c => FlagAdminHandlers.GetAsync(c, Key(c))))
            .Describes(nameof(FlagAdminHandlers.GetAsync)).WithName("TypedFlagsAdminGet").WithSummary("One flag; its ETag is the flag's revision.")
            .WithMetadata(Json(StatusCodes.Status200OK), Problem(StatusCodes.Status404NotFound));
        group.MapPut("/api/flags/{key}", Run(c => FlagAdminHandlers.ReplaceAsync(c, Key(c))))
            .Describes(nameof(FlagAdminHandlers.ReplaceAsync)).WithName("TypedFlagsAdminReplace").WithSummary("Sets or replaces the flag's whole override: { \"override\": { ... }, \"reason\": \"...\" }.")
            .WithWriteMetadata();
        group.MapDelete("/api/flags/{key}", Run(c => FlagAdminHandlers.RemoveAsync(c, Key(c))))
            .Describes(nameof(FlagAdminHandlers.RemoveAsync)).WithName("TypedFlagsAdminRemove").WithSummary("Removes the flag's override: { \"reason\": \"...\" }.")
            .WithWriteMetadata();
        group.MapPost("/api/flags/{key}/value", Run(c => FlagAdminHandlers.SetValueAsync(c, Key(c))))
            .Describes(nameof(FlagAdminHandlers.SetValueAsync)).WithName("TypedFlagsAdminSetValue").WithSummary("Sets the value (on, off, shadow, a number, a text, a variant), reviving a killed flag: { \"value\": \"on\", \"reason\": \"...\" }.")
            .WithWriteMetadata();
        group.MapPost("/api/flags/{key}/rollout", Run(c => FlagAdminHandlers.SetRolloutAsync(c, Key(c))))
            .Describes(nameof(FlagAdminHandlers.SetRolloutAsync)).WithName("TypedFlagsAdminRollout").WithSummary("Sets a bool flag's rollout: { \"rollout\": \"25%\", \"reason\": \"...\" }.")
            .WithWriteMetadata();
        group.MapPost("/api/flags/{key}/kill", Run(c => FlagAdminHandlers.KillAsync(c, Key(c))))
            .Describes(nameof(FlagAdminHandlers.KillAsync)).WithName("TypedFlagsAdminKill").WithSummary("Kills the flag for everyone: { \"reason\": \"...\" }.")
            .WithWriteMetadata();
        group.MapPut("/api/flags/{key}/targets/{target}", Run(c => FlagAdminHandlers.SetTargetAsync(c, Key(c), Route(c, "target"))))
            .Describes(nameof(FlagAdminHandlers.SetTargetAsync)).WithName("TypedFlagsAdminSetTarget").WithSummary("Gives one target (user, tenant:NAME, group:NAME) its own value, optionally until a date: { \"value\": \"on\", \"expires\": \"2026-12-31\", \"reason\": \"...\" }.")
            .WithWriteMetadata();
        group.MapDelete("/api/flags/{key}/targets/{target}", Run(c => FlagAdminHandlers.RemoveTargetAsync(c, Key(c), Route(c, "target"))))
            .Describes(nameof(FlagAdminHandlers.RemoveTargetAsync)).WithName("TypedFlagsAdminRemoveTarget").WithSummary("Removes one target's value: { \"reason\": \"...\" }.")
            .WithWriteMetadata();
        group.MapGet("/api/history", Run(FlagAdminHandlers.HistoryAsync))
            .Describes(nameof(FlagAdminHandlers.HistoryAsync)).WithName("TypedFlagsAdminHistory").WithSummary("The audit history, newest first, with each change's actor, reason, before and after; ?key= for one flag, ?limit= for the last N.")
            .WithMetadata(Json(StatusCodes.Status200OK));
        group.MapGet("/api/revision", Run(FlagAdminHandlers.RevisionAsync))
            .Describes(nameof(FlagAdminHandlers.RevisionAsync)).WithName("TypedFlagsAdminRevision").WithSummary("The store's revision, to poll for changes made by others.")
            .WithMetadata(Json(StatusCodes.Status200OK));
        return group;
    }

    /// <summary>
    /// Handlers are plain request delegates, not route-handler delegates: no reflection-built binding, so the package
    /// stays trimming- and AOT-safe; the OpenAPI metadata is added by hand.
    /// </summary>
    private static RequestDelegate Run(Func<HttpContext, Task<IResult>> handler) => async httpContext =>
        await (await handler(httpContext).ConfigureAwait(false)).ExecuteAsync(httpContext).ConfigureAwait(false);

    /// <summary>
    /// Gives the endpoint the handler method's <see cref="MethodInfo"/>, which is what ASP.NET Core's API explorer (and
    /// so Microsoft.AspNetCore.OpenApi and Swashbuckle) describe an endpoint from: a plain request delegate is left out
    /// of the OpenAPI document without it. The method's parameters name the route values (<c>key</c>, <c>target</c>).
    /// The type is known to the trimmer, which keeps its methods.
    /// </summary>
    private static TBuilder Describes<TBuilder>(this TBuilder builder, string handler)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(typeof(FlagAdminHandlers).GetMethod(handler, BindingFlags.Public | BindingFlags.Static)!);

    private static string Key(HttpContext httpContext) => Route(httpContext, "key");

    private static string Route(HttpContext httpContext, string name) => httpContext.Request.RouteValues[name] as string ?? string.Empty;

    private static ProducesResponseTypeMetadata Json(int status) => new(status, null, new[] { "application/json" });

    private static ProducesResponseTypeMetadata Problem(int status) => new(status, typeof(ProblemDetails), new[] { "application/problem+json" });

    private static IEndpointConventionBuilder WithWriteMetadata(this IEndpointConventionBuilder builder) => builder.WithMetadata(
        new AcceptsMetadata(new[] { "application/json" }, typeof(FlagAdminBody)),
        Json(StatusCodes.Status200OK),
        new ProducesResponseTypeMetadata(StatusCodes.Status400BadRequest, typeof(HttpValidationProblemDetails), new[] { "application/problem+json" }),
        Problem(StatusCodes.Status404NotFound),
        Problem(StatusCodes.Status409Conflict),
        Problem(StatusCodes.Status412PreconditionFailed));
}
