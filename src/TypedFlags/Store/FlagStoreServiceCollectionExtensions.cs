using System;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace TypedFlags;

/// <summary>Attaches a <see cref="FlagStore"/> to the flags classes registered with <c>AddTypedFlags</c>.</summary>
public static class FlagStoreServiceCollectionExtensions
{
    /// <summary>
    /// Registers the store (a singleton the container disposes) that every flags class registered with
    /// <c>AddTypedFlags</c> applies as its highest-precedence override source: above appsettings and environment
    /// variables. Backend packages add shorthands (<c>AddSqliteFlagStore</c>). Registering a second store keeps the first.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="factory">Creates (opens and loads) the store.</param>
    /// <returns><paramref name="services"/>, for chaining.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static IServiceCollection AddFlagStore(this IServiceCollection services, Func<IServiceProvider, FlagStore> factory)
    {
        if (services is null)
        {
            throw new ArgumentNullException(nameof(services));
        }

        if (factory is null)
        {
            throw new ArgumentNullException(nameof(factory));
        }

        services.TryAddSingleton(factory);
        return services;
    }
}
