using System;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TypedFlags.Store.Sqlite;

namespace TypedFlags;

/// <summary>Attaches a <see cref="SqliteFlagStore"/> to the flags classes registered with <c>AddTypedFlags</c>.</summary>
public static class SqliteFlagStoreServiceCollectionExtensions
{
    /// <summary>
    /// Registers a SQLite flag store in <paramref name="path"/> (created and migrated on first use) as the
    /// highest-precedence override source of every flags class registered with <c>AddTypedFlags</c>. Warnings go to the
    /// registered <see cref="ILoggerFactory"/> (category <c>TypedFlags</c>) and audit times come from the registered
    /// <see cref="TimeProvider"/>, when there are.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="path">The database file.</param>
    /// <param name="configure">Adjusts the options; null for the defaults.</param>
    /// <returns><paramref name="services"/>, for chaining.</returns>
    public static IServiceCollection AddSqliteFlagStore(this IServiceCollection services, string path, Action<SqliteFlagStoreOptions>? configure = null)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            throw new ArgumentException("The SQLite flag store needs a database file path.", nameof(path));
        }

        return services.AddFlagStore(provider =>
        {
            var options = new SqliteFlagStoreOptions
            {
                Logger = provider.GetService<ILoggerFactory>()?.CreateLogger(FlagServiceCollectionExtensions.LoggerCategory),
                TimeProvider = provider.GetService<TimeProvider>(),
            };
            configure?.Invoke(options);
            return SqliteFlagStore.Open(path, options);
        });
    }
}
