using System.Collections.Generic;
using System.Threading.Tasks;
using TypedFlags.Store.PostgreSql.Tests.Infrastructure;
using Xunit;

namespace TypedFlags.Store.PostgreSql.Tests;

/// <summary>Every write the store refuses leaves every table exactly as it was: no override, no audit entry, no revision.</summary>
[Collection(PostgreSqlCollection.Name)]
public sealed class RejectedWriteTests(PostgreSqlServer server)
{
    public static TheoryData<string, FlagStoreWrite, FlagStoreWriteStatus, string> Refused() => new()
    {
        { "undeclared key", FlagStoreWrite.Set("checkout.nwe", new FlagOverride { Value = "on" }, "ops", "typo"), FlagStoreWriteStatus.Rejected, "Key" },
        { "bad bool value", FlagStoreWrite.Set(StoreFlags.Checkout, new FlagOverride { Value = "maybe" }, "ops", "bad"), FlagStoreWriteStatus.Rejected, "Value" },
        { "bad int value", FlagStoreWrite.Set(StoreFlags.SearchLimit, new FlagOverride { Value = "ten" }, "ops", "bad"), FlagStoreWriteStatus.Rejected, "Value" },
        { "rollout on an int flag", FlagStoreWrite.Set(StoreFlags.SearchLimit, new FlagOverride { Rollout = "25%" }, "ops", "bad"), FlagStoreWriteStatus.Rejected, "Rollout" },
        { "bad target expiry", FlagStoreWrite.Set(StoreFlags.Checkout, new FlagOverride { Targets = new[] { new FlagTargetOverride("alice", "on", "next week") } }, "ops", "bad"), FlagStoreWriteStatus.Rejected, "Targets:0:Expires" },
        { "blank actor", FlagStoreWrite.Set(StoreFlags.Checkout, new FlagOverride { Value = "on" }, " ", "why"), FlagStoreWriteStatus.Rejected, "Actor" },
        { "blank reason", FlagStoreWrite.Set(StoreFlags.Checkout, new FlagOverride { Value = "on" }, "ops", ""), FlagStoreWriteStatus.Rejected, "Reason" },
        { "stale base revision", FlagStoreWrite.Set(StoreFlags.Checkout, new FlagOverride { Value = "off" }, "ops", "late", baseRevision: 0), FlagStoreWriteStatus.Conflict, "BaseRevision" },
        { "removal on a stale base revision", FlagStoreWrite.Remove(StoreFlags.Checkout, "ops", "late", baseRevision: 0), FlagStoreWriteStatus.Conflict, "BaseRevision" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task A_refused_write_leaves_the_tables_unchanged(string because, FlagStoreWrite write, FlagStoreWriteStatus status, string field)
    {
        var database = server.CreateDatabase();
        using var store = await StoreFlags.OpenAsync(database);
        await store.SetAsync(StoreFlags.Checkout, new FlagOverride { Value = "on" });
        var before = await TableDump.OfAsync(database);

        var result = await store.WriteAsync(StoreFlags.Manifest, write);

        Assert.Equal(status, result.Status);
        Assert.Equal(field, result.Field);
        Assert.False(string.IsNullOrWhiteSpace(result.Message), because);
        Assert.Equal(before, await TableDump.OfAsync(database));
        Assert.Equal(1, store.Current.Revision);
    }

    [Fact]
    public async Task An_undeclared_key_is_refused_in_TF2001_wording_with_the_closest_declared_key()
    {
        var database = server.CreateDatabase();
        using var store = await StoreFlags.OpenAsync(database);

        var result = await store.WriteAsync(StoreFlags.Manifest, FlagStoreWrite.Set("checkout.nwe", new FlagOverride { Value = "on" }, "ops", "typo"));

        Assert.Contains("'checkout.nwe'", result.Message);
        Assert.Contains("did you mean 'checkout.new'?", result.Message);
        Assert.Empty(await store.GetHistoryAsync());
    }
}
