using System;
using System.Threading.Tasks;
using TypedFlags.Store.PostgreSql.Tests.Infrastructure;
using TypedFlags.Tests.Infrastructure;
using Xunit;

namespace TypedFlags.Store.PostgreSql.Tests;

/// <summary>
/// Reads with the PostgreSQL store attached allocate nothing and never reach the database: the store only replaces the
/// engine's snapshot. Measured with the current thread's allocation counter after warm-up, as the runtime's tests do.
/// </summary>
[Collection(PostgreSqlCollection.Name)]
public sealed class ReadAllocationTests(PostgreSqlServer server)
{
    [Fact]
    public async Task Reads_with_the_store_attached_do_not_allocate()
    {
        var database = server.CreateDatabase();
        using var store = await StoreFlags.OpenAsync(database);
        await store.SetAsync(StoreFlags.Checkout, new FlagOverride
        {
            Rollout = "30%",
            Deny = new[] { "tenant:bigcorp" },
            Targets = new[] { new FlagTargetOverride("user-3", "on"), new FlagTargetOverride("group:beta", "shadow") },
        });
        await store.SetAsync(StoreFlags.SearchLimit, new FlagOverride { Value = "25", Targets = new[] { new FlagTargetOverride("tenant:acme", "50") } });
        var engine = StoreFlags.Engine(store);
        var checkout = engine.CheckoutFlag();
        var limit = engine.SearchLimitFlag();
        var contexts = new FlagContext[64];
        for (var i = 0; i < contexts.Length; i++)
        {
            contexts[i] = new FlagContext { TargetingKey = "user-" + i, Tenant = i % 5 == 0 ? "bigcorp" : "acme", Groups = i % 7 == 0 ? new[] { "beta" } : new[] { "staff" } };
        }

        Func<int, int> read = i =>
        {
            var context = contexts[i & 63];
            return (checkout.IsEnabled ? 1 : 0) + (checkout.IsEnabledFor(context) ? 1 : 0) + (int)checkout.Evaluate(context).Reason + limit.Value + limit.GetValue(context);
        };
        Assert.Equal(0, AllocationCounter.Measure(read));
        Assert.Equal(50, limit.GetValue(new FlagContext { TargetingKey = "x", Tenant = "acme" }));
    }
}
