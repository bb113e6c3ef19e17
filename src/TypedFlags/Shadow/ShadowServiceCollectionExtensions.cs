using System;
using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace TypedFlags;

/// <summary>Registers observers of shadow runs with dependency injection.</summary>
public static class ShadowServiceCollectionExtensions
{
    /// <summary>
    /// Registers <typeparamref name="TObserver"/> as a singleton <see cref="IShadowRunObserver"/>: the flags classes that
    /// <see cref="FlagServiceCollectionExtensions.AddTypedFlags{TFlags}"/> registers send it every shadow run's result.
    /// Registering the same type twice keeps one.
    /// </summary>
    /// <typeparam name="TObserver">The observer type, constructed by the container.</typeparam>
    /// <param name="services">The service collection.</param>
    /// <returns><paramref name="services"/>, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> is null.</exception>
    public static IServiceCollection AddShadowRunObserver<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TObserver>(this IServiceCollection services)
        where TObserver : class, IShadowRunObserver
    {
        if (services is null)
        {
            throw new ArgumentNullException(nameof(services));
        }

        services.TryAddEnumerable(ServiceDescriptor.Singleton<IShadowRunObserver, TObserver>());
        return services;
    }
}
