using System;
using System.IO;
using System.Threading.Tasks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using TypedFlags.Store.Sqlite;
using TypedFlags.Store.Tests.Infrastructure;
using Xunit;

namespace TypedFlags.Store.Tests;

/// <summary>The store is the highest-precedence override source: above appsettings.json and the flags' environment variables.</summary>
public sealed class PrecedenceTests : IDisposable
{
    private readonly TempDatabase _database = new();

    public void Dispose()
    {
        Environment.SetEnvironmentVariable("TFSTORE_SEARCH_LIMIT", null);
        _database.Dispose();
    }

    [Fact]
    public async Task The_store_wins_over_appsettings_and_environment_variables_and_unset_gives_them_back()
    {
        var settings = Path.Combine(_database.Directory, "appsettings.json");
        File.WriteAllText(settings, "{ \"Flags\": { \"search.limit\": \"5\", \"checkout.new\": { \"Value\": \"on\", \"Deny\": [ \"mallory\" ] } } }");
        var configuration = new ConfigurationBuilder().AddJsonFile(settings).Build();
        Environment.SetEnvironmentVariable("TFSTORE_SEARCH_LIMIT", "7");
        using var store = SqliteFlagStore.Open(_database.Path);
        var flags = new StoreFlags(new FlagEngine(StoreFlags.Manifest, configuration, new FlagOptions { Store = store }));
        Assert.Equal(7, flags.SearchLimit.Value);
        Assert.Equal("env:TFSTORE_SEARCH_LIMIT", flags.SearchLimit.Evaluate(default).Source);

        await store.WriteAsync(StoreFlags.Manifest, FlagStoreWrite.Set("search.limit", new FlagOverride { Value = "42" }, "ops", "more results"));
        await store.WriteAsync(StoreFlags.Manifest, FlagStoreWrite.Set("checkout.new", new FlagOverride { Value = "off" }, "ops", "pause"));

        Assert.Equal(42, flags.SearchLimit.Value);
        Assert.Equal("store:sqlite:" + _database.Path, flags.SearchLimit.Evaluate(default).Source);
        Assert.False(flags.Checkout.IsEnabled);
        Assert.Equal(store.Source, flags.Checkout.Evaluate(default).Source);

        // Field by field, as between configuration providers: the store's Value leaves appsettings' Deny list alone.
        var mallory = flags.Checkout.Evaluate(new FlagContext { TargetingKey = "mallory" });
        Assert.Equal(FlagReason.TargetingMatch, mallory.Reason);
        Assert.Equal("config:Flags:checkout.new:Deny", mallory.Source);

        await store.WriteAsync(StoreFlags.Manifest, FlagStoreWrite.Remove("search.limit", "ops", "back to deploy values"));
        Assert.Equal(7, flags.SearchLimit.Value);
        Assert.Equal("env:TFSTORE_SEARCH_LIMIT", flags.SearchLimit.Evaluate(default).Source);
    }

    [Fact]
    public async Task A_store_object_applies_over_a_scalar_in_appsettings_of_another_field_group()
    {
        // appsettings.Development.json style "key": "100%" (a rollout) under a store override of other fields: the
        // scalar is the Rollout shorthand, the store's State and Rollout fields apply over it; nothing is refused.
        var settings = Path.Combine(_database.Directory, "appsettings.json");
        File.WriteAllText(settings, "{ \"Flags\": { \"checkout.new\": \"100%\" } }");
        var configuration = new ConfigurationBuilder().AddJsonFile(settings).Build();
        using var store = SqliteFlagStore.Open(_database.Path);
        var flags = new StoreFlags(new FlagEngine(StoreFlags.Manifest, configuration, new FlagOptions { Store = store }));
        Assert.True(flags.Checkout.Evaluate(new FlagContext { TargetingKey = "alice" }).Mode == FlagMode.On);

        await store.WriteAsync(StoreFlags.Manifest, FlagStoreWrite.Set("checkout.new", new FlagOverride { State = "kill" }, "ops", "incident"));

        var killed = flags.Checkout.Evaluate(new FlagContext { TargetingKey = "alice" });
        Assert.Equal(FlagMode.Off, killed.Mode);
        Assert.Equal(FlagReason.Killed, killed.Reason);
        Assert.Equal(store.Source, killed.Source);

        await store.WriteAsync(StoreFlags.Manifest, FlagStoreWrite.Set("checkout.new", new FlagOverride { Rollout = "0%" }, "ops", "roll back"));

        Assert.Equal(FlagMode.Off, flags.Checkout.Evaluate(new FlagContext { TargetingKey = "alice" }).Mode);
    }

    [Fact]
    public async Task One_call_attaches_the_store_with_dependency_injection()
    {
        var configuration = new ConfigurationBuilder().Build();
        StoreFlags flags;
        FlagStore store;
        using (var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddTypedFlags<StoreFlags>(o => o.EnvironmentVariables = false)
            .AddSqliteFlagStore(_database.Path)
            .BuildServiceProvider())
        {
            flags = services.GetRequiredService<StoreFlags>();
            store = services.GetRequiredService<FlagStore>();
            var result = await store.WriteAsync(StoreFlags.Manifest, FlagStoreWrite.Set("banner.text", new FlagOverride { Value = "maintenance at 18:00" }, "ops", "notice"));

            Assert.True(result.Succeeded);
            Assert.Equal("maintenance at 18:00", flags.BannerText.Value);
            Assert.Equal(store.Source, flags.BannerText.Evaluate(default).Source);
        }

        // The container disposed the store, which closed the file.
        File.Move(_database.Path, _database.Path + ".moved");
    }

    [Fact]
    public async Task An_engine_created_later_starts_with_what_the_store_holds()
    {
        using (var writer = SqliteFlagStore.Open(_database.Path))
        {
            await writer.WriteAsync(StoreFlags.Manifest, FlagStoreWrite.Set("checkout.new", new FlagOverride { Value = "on" }, "ops", "launch"));
        }

        using var store = SqliteFlagStore.Open(_database.Path);
        var flags = StoreFlags.Over(store);

        Assert.True(flags.Checkout.IsEnabled);
        Assert.Equal(store.Source, flags.Checkout.Evaluate(default).Source);
    }
}
