using System;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;

namespace TypedFlags.Store.PostgreSql.Tests.Infrastructure;

/// <summary>The flags these tests write to, and engines attached to a store the way an app attaches one.</summary>
internal static class StoreFlags
{
    public const string Checkout = "checkout.new";
    public const string SearchLimit = "search.limit";

    public static FlagManifest Manifest { get; } = new(
        new[]
        {
            new FlagDefinition(Checkout, FlagValueKind.Bool, "New checkout", FlagValue.FromMode(FlagMode.Off), "TFPG_CHECKOUT_NEW"),
            new FlagDefinition(SearchLimit, FlagValueKind.Int, "Search page size", FlagValue.FromInt(10), "TFPG_SEARCH_LIMIT"),
        },
        new[] { new FlagPhase("stable", new[] { "production" }) });

    /// <summary>An engine whose highest-precedence override source is <paramref name="store"/>.</summary>
    public static FlagEngine Engine(FlagStore store, TimeProvider? time = null, ILogger? logger = null) =>
        new(Manifest, configuration: null, new FlagOptions { EnvironmentName = "Production", Store = store, TimeProvider = time, Logger = logger, EnvironmentVariables = false });

    public static BoolFlag CheckoutFlag(this FlagEngine engine) => new(engine, engine.Manifest.IndexOf(Checkout));

    public static Flag<int> SearchLimitFlag(this FlagEngine engine) => new(engine, engine.Manifest.IndexOf(SearchLimit));

    /// <summary>A valid write through the store's validation; fails the test when it is not written.</summary>
    public static async Task<FlagStoreWriteResult> SetAsync(this FlagStore store, string key, FlagOverride value, long? baseRevision = null)
    {
        var result = await store.WriteAsync(Manifest, FlagStoreWrite.Set(key, value, "test", "test", baseRevision));
        Xunit.Assert.True(result.Succeeded, result.Message);
        return result;
    }

    /// <summary>Opens a store with quick reconnects, so fault tests do not wait for the production backoff.</summary>
    public static Task<PostgreSqlFlagStore> OpenAsync(string connectionString, ILogger? logger = null, TimeSpan? reconnectDelay = null) =>
        PostgreSqlFlagStore.OpenAsync(
            connectionString,
            new PostgreSqlFlagStoreOptions
            {
                ReconnectDelay = reconnectDelay ?? TimeSpan.FromMilliseconds(100),
                MaxReconnectDelay = TimeSpan.FromMilliseconds(500),
                Logger = logger,
            });

    /// <summary>Waits until <paramref name="condition"/> holds, up to <paramref name="timeout"/>; returns whether it did.</summary>
    public static async Task<bool> EventuallyAsync(Func<bool> condition, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                return false;
            }

            await Task.Delay(5);
        }

        return true;
    }
}
