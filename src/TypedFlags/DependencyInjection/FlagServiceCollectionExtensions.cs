using System;
using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace TypedFlags;

/// <summary>Registers generated flags classes with dependency injection.</summary>
public static class FlagServiceCollectionExtensions
{
    /// <summary>The logger category of override warnings.</summary>
    public const string LoggerCategory = "TypedFlags";

    /// <summary>
    /// Registers <typeparamref name="TFlags"/> (the class generated from flags.yaml) as a singleton whose engine reads
    /// overrides from the registered <see cref="IConfiguration"/> (reloading with it) and each flag's environment
    /// variable, takes the environment name from <see cref="IHostEnvironment"/>, logs warnings through
    /// <see cref="ILoggerFactory"/> (category <c>TypedFlags</c>) and takes time from the registered
    /// <see cref="TimeProvider"/>.
    /// </summary>
    /// <remarks>
    /// Each service is optional: without <see cref="IConfiguration"/> only flags.yaml and environment variables apply;
    /// without <see cref="IHostEnvironment"/> the environment comes from <c>DOTNET_ENVIRONMENT</c>, then
    /// <c>ASPNETCORE_ENVIRONMENT</c>, else <c>Production</c>; without a logger factory warnings are dropped; without a
    /// <see cref="TimeProvider"/> the system clock is used. Registering the same class twice keeps the first.
    /// </remarks>
    /// <typeparam name="TFlags">The generated flags class.</typeparam>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Adjusts the options after they are filled in from the services; null for none.</param>
    /// <returns><paramref name="services"/>, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> is null.</exception>
    public static IServiceCollection AddTypedFlags<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TFlags>(
        this IServiceCollection services,
        Action<FlagOptions>? configure = null)
        where TFlags : class, IFlagSet
    {
        if (services is null)
        {
            throw new ArgumentNullException(nameof(services));
        }

        services.TryAddSingleton(provider => ActivatorUtilities.CreateInstance<TFlags>(provider, CreateFactory(provider, configure)));
        return services;
    }

    private static FlagEngineFactory CreateFactory(IServiceProvider provider, Action<FlagOptions>? configure)
    {
        var options = new FlagOptions
        {
            EnvironmentName = provider.GetService<IHostEnvironment>()?.EnvironmentName,
            TimeProvider = provider.GetService<TimeProvider>(),
            Logger = provider.GetService<ILoggerFactory>()?.CreateLogger(LoggerCategory),
            Store = provider.GetService<FlagStore>(),
        };
        configure?.Invoke(options);
        return new FlagEngineFactory(provider.GetService<IConfiguration>(), options);
    }
}
