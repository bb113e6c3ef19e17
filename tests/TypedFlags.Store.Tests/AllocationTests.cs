using System;
using System.Threading.Tasks;
using TypedFlags.Store.Sqlite;
using TypedFlags.Store.Tests.Infrastructure;
using TypedFlags.Tests.Infrastructure;
using Xunit;

namespace TypedFlags.Store.Tests;

/// <summary>
/// Reads with a store attached allocate nothing: the store only feeds the snapshot. Measured like the runtime's
/// AllocationTests, with the current thread's allocation counter after warm-up.
/// </summary>
public sealed class AllocationTests : IDisposable
{
    private readonly TempDatabase _database = new();

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task Reads_with_a_store_attached_do_not_allocate()
    {
        using var store = SqliteFlagStore.Open(_database.Path);
        var flags = StoreFlags.Over(store);
        await store.WriteAsync(StoreFlags.Manifest, FlagStoreWrite.Set(
            "checkout.new",
            new FlagOverride { Rollout = "30%", Deny = new[] { "tenant:bigcorp" }, Targets = new[] { new FlagTargetOverride("user-3", "on"), new FlagTargetOverride("group:beta", "shadow") } },
            "ops",
            "ramp"));
        await store.WriteAsync(StoreFlags.Manifest, FlagStoreWrite.Set("search.limit", new FlagOverride { Value = "25", Targets = new[] { new FlagTargetOverride("tenant:acme", "50") } }, "ops", "more"));
        await store.WriteAsync(StoreFlags.Manifest, FlagStoreWrite.Set("layout", new FlagOverride { Value = "compact" }, "ops", "try"));
        var contexts = new FlagContext[64];
        for (var i = 0; i < contexts.Length; i++)
        {
            contexts[i] = new FlagContext { TargetingKey = "user-" + i, Tenant = i % 5 == 0 ? "bigcorp" : "acme", Groups = i % 7 == 0 ? new[] { "beta" } : new[] { "staff" } };
        }

        Assert.Equal(0, AllocationCounter.Measure(i =>
        {
            var context = contexts[i & 63];
            return (flags.Checkout.IsEnabled ? 1 : 0)
                + (flags.Checkout.IsEnabledFor(context) ? 1 : 0)
                + (int)flags.Checkout.Evaluate(context).Reason
                + flags.SearchLimit.Value
                + flags.SearchLimit.GetValue(context)
                + (int)flags.Layout.Value
                + flags.BannerText.Value.Length;
        }));
    }

}
