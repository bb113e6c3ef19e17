using System;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.FeatureManagement;
using Microsoft.FeatureManagement.FeatureFilters;

namespace TypedFlags.FeatureManagement;

/// <summary>Registers TypedFlags as the application's Microsoft.FeatureManagement feature manager.</summary>
public static class FeatureManagementServiceCollectionExtensions
{
    /// <summary>
    /// Makes <see cref="IFeatureManager"/>, <see cref="IVariantFeatureManager"/>, <see cref="IFeatureManagerSnapshot"/>
    /// and <see cref="IVariantFeatureManagerSnapshot"/> answer from the flag classes registered with
    /// <c>AddTypedFlags&lt;TFlags&gt;()</c>, replacing Microsoft.FeatureManagement's own manager whether
    /// <c>AddFeatureManagement()</c> was called before or after. <c>[FeatureGate]</c>, <c>WithFeatureGate</c>, the
    /// <c>&lt;feature&gt;</c> tag helper and <c>UseForFeature</c> then read flags.yaml and its overrides. A feature name
    /// is a flag key or a flag's <c>hash_name</c>, ignoring case. The caller is taken from a registered
    /// <see cref="ITargetingContextAccessor"/>, else from a registered <see cref="IFlagContextAccessor"/> (in a web app,
    /// TypedFlags.AspNetCore's <c>services.AddHttpFlagContext()</c> reads the current request), else it is anonymous.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <returns><paramref name="services"/>, for chaining.</returns>
    public static IServiceCollection AddTypedFlagsFeatureManagement(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton(sp => new FeatureNames(sp.GetServices<IFlagSet>()));
        services.TryAddSingleton(sp => new CallerContext(sp.GetService<ITargetingContextAccessor>(), sp.GetService<IFlagContextAccessor>(), sp.GetService<Microsoft.Extensions.Logging.ILogger<CallerContext>>()));
        services.TryAddSingleton<VariantConfigurations>();
        services.TryAddSingleton<TypedFlagsFeatureManager>();
        services.TryAddScoped<TypedFlagsFeatureManagerSnapshot>();

        // Replace, not TryAdd: AddFeatureManagement() may have run first, and Microsoft.FeatureManagement's own
        // registrations use TryAdd, so whichever order the calls come in, TypedFlags answers.
        services.RemoveAll<IFeatureManager>();
        services.RemoveAll<IVariantFeatureManager>();
        services.RemoveAll<IFeatureManagerSnapshot>();
        services.RemoveAll<IVariantFeatureManagerSnapshot>();
        services.AddSingleton<IFeatureManager>(sp => sp.GetRequiredService<TypedFlagsFeatureManager>());
        services.AddSingleton<IVariantFeatureManager>(sp => sp.GetRequiredService<TypedFlagsFeatureManager>());
        services.AddScoped<IFeatureManagerSnapshot>(sp => sp.GetRequiredService<TypedFlagsFeatureManagerSnapshot>());
        services.AddScoped<IVariantFeatureManagerSnapshot>(sp => sp.GetRequiredService<TypedFlagsFeatureManagerSnapshot>());
        return services;
    }
}
