using System.Collections.Generic;
using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace TypedFlags.AspNetCore;

/// <summary>Builds the caller's <see cref="FlagContext"/> from a request, once per request.</summary>
internal static class HttpFlagContext
{
    private static readonly FlagHttpOptions Defaults = new();

    /// <summary>The context of the request's caller, built on first use and cached in the request's features.</summary>
    public static FlagContext Get(HttpContext httpContext)
    {
        var feature = httpContext.Features.Get<FlagContextFeature>();
        if (feature is null)
        {
            feature = new FlagContextFeature(Build(httpContext, Options(httpContext)));
            httpContext.Features.Set(feature);
        }

        return feature.Context;
    }

    /// <summary>The application's options; the defaults when the host registers no options at all.</summary>
    public static FlagHttpOptions Options(HttpContext httpContext) =>
        httpContext.RequestServices?.GetService<IOptions<FlagHttpOptions>>()?.Value ?? Defaults;

    internal static FlagContext Build(HttpContext httpContext, FlagHttpOptions options)
    {
        if (options.ContextFactory is { } factory)
        {
            return factory(httpContext);
        }

        var user = httpContext.User;
        string? targetingKey = null;
        string? tenant = null;
        List<string>? groups = null;
        foreach (var identity in user.Identities)
        {
            // Only what an authentication handler vouched for targets: an anonymous caller has no targeting key.
            if (!identity.IsAuthenticated)
            {
                continue;
            }

            if (targetingKey is null)
            {
                foreach (var type in options.TargetingKeyClaimTypes)
                {
                    var claim = identity.FindFirst(type);
                    if (!string.IsNullOrEmpty(claim?.Value))
                    {
                        targetingKey = claim!.Value;
                        break;
                    }
                }
            }

            if (tenant is null && options.TenantResolver is null)
            {
                var claim = identity.FindFirst(options.TenantClaimType);
                tenant = string.IsNullOrEmpty(claim?.Value) ? null : claim!.Value;
            }

            var groupType = options.GroupClaimType ?? identity.RoleClaimType;
            foreach (var claim in identity.FindAll(groupType))
            {
                groups ??= new List<string>();
                if (!groups.Contains(claim.Value))
                {
                    groups.Add(claim.Value);
                }
            }
        }

        if (options.TenantResolver is { } resolver)
        {
            tenant = resolver(httpContext);
        }

        return new FlagContext { TargetingKey = targetingKey, Tenant = tenant, Groups = groups };
    }
}

/// <summary>The cached context of one request.</summary>
internal sealed class FlagContextFeature
{
    public FlagContextFeature(FlagContext context) => Context = context;

    public FlagContext Context { get; }
}
