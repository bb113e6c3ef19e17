using System;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using TypedFlags.AspNetCore;

namespace TypedFlags;

/// <summary>Registers the current request's caller for code that has no <see cref="Microsoft.AspNetCore.Http.HttpContext"/> in hand.</summary>
public static class FlagHttpServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IFlagContextAccessor"/> as the caller of the current HTTP request, by
    /// <see cref="TypedFlags.AspNetCore.FlagHttpOptions"/>'s rules: services take it by injection instead of <c>IHttpContextAccessor</c>, and
    /// TypedFlags.FeatureManagement's <c>IsEnabledAsync(feature)</c> evaluates for it when the application registers
    /// no <c>ITargetingContextAccessor</c>. A registration the application made first is kept.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <returns><paramref name="services"/>, for chaining.</returns>
    public static IServiceCollection AddHttpFlagContext(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddHttpContextAccessor();
        services.TryAddSingleton<IFlagContextAccessor, HttpFlagContextAccessor>();
        return services;
    }
}
