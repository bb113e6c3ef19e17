using System;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TypedFlags.Store.PostgreSql;

namespace TypedFlags;

/// <summary>Attaches a <see cref="PostgreSqlFlagStore"/> to the flags classes registered with <c>AddTypedFlags</c>.</summary>
public static class PostgreSqlFlagStoreServiceCollectionExtensions
{
    /// <summary>
    /// Registers a PostgreSQL flag store (schema migrated on first use) as the highest-precedence override source of every
    /// flags class registered with <c>AddTypedFlags</c>. Warnings go to the registered <see cref="ILoggerFactory"/>
    /// (category <c>TypedFlags</c>). The store opens when the flags are first resolved; a database that cannot be
    /// reached then fails that resolution with the real error.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="connectionString">An Npgsql connection string.</param>
    /// <param name="configure">Adjusts the options; null for the defaults.</param>
    /// <returns><paramref name="services"/>, for chaining.</returns>
    /// <exception cref="ArgumentException">The connection string is blank.</exception>
    public static IServiceCollection AddPostgreSqlFlagStore(this IServiceCollection services, string connectionString, Action<PostgreSqlFlagStoreOptions>? configure = null)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new ArgumentException("The PostgreSQL flag store needs a connection string.", nameof(connectionString));
        }

        return services.AddFlagStore(provider =>
        {
            var options = new PostgreSqlFlagStoreOptions
            {
                Logger = provider.GetService<ILoggerFactory>()?.CreateLogger(FlagServiceCollectionExtensions.LoggerCategory),
            };
            configure?.Invoke(options);
            return PostgreSqlFlagStore.Open(connectionString, options);
        });
    }
}
