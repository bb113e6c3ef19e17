using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using TypedFlags.Store.PostgreSql.Tests.Infrastructure;
using TypedFlags.Tests.Infrastructure;
using Xunit;

namespace TypedFlags.Store.PostgreSql.Tests;

/// <summary>Attaching the PostgreSQL store: with dependency injection, above configuration, and the audit clock.</summary>
[Collection(PostgreSqlCollection.Name)]
public sealed class AttachTests(PostgreSqlServer server)
{
    [Fact]
    public async Task AddPostgreSqlFlagStore_attaches_the_store_above_appsettings_and_the_container_disposes_it()
    {
        var database = server.CreateDatabase();
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Flags:checkout.new"] = "off" })
            .Build();
        PostgreSqlFlagStore store;
        using (var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddTypedFlags<AppFlags>(o => o.EnvironmentVariables = false)
            .AddPostgreSqlFlagStore(database)
            .BuildServiceProvider())
        {
            var flags = services.GetRequiredService<AppFlags>();
            store = Assert.IsType<PostgreSqlFlagStore>(services.GetRequiredService<FlagStore>());
            Assert.Equal("config:Flags:checkout.new", flags.Checkout.Evaluate(default).Source);

            await store.SetAsync(StoreFlags.Checkout, new FlagOverride { Value = "on" });

            Assert.True(flags.Checkout.IsEnabled); // the operator's runtime change wins over the deploy-time value
            Assert.Equal(store.Source, flags.Checkout.Evaluate(default).Source);
        }

        // Disposed with the container: its connections are closed, so the database can be dropped.
        await using var admin = new Npgsql.NpgsqlConnection(server.AdminConnectionString);
        await admin.OpenAsync();
        var name = new Npgsql.NpgsqlConnectionStringBuilder(database).Database;
        await using var drop = new Npgsql.NpgsqlCommand($"DROP DATABASE \"{name}\"", admin);
        await drop.ExecuteNonQueryAsync();
    }

    [Fact]
    public async Task The_store_name_in_Source_never_carries_the_password()
    {
        var database = server.CreateDatabase() + ";Password=s3cret";
        using var store = await StoreFlags.OpenAsync(database);

        Assert.DoesNotContain("s3cret", store.Source);
        Assert.Matches(@"^store:postgres:127\.0\.0\.1:\d+/tf_\d+_\d+$", store.Source);
    }

    [Fact]
    public async Task Audit_entries_are_stamped_with_the_configured_clock_in_UTC()
    {
        var database = server.CreateDatabase();
        var clock = new ManualTimeProvider(new DateTimeOffset(2026, 12, 1, 9, 30, 0, TimeSpan.FromHours(2)).AddTicks(1234567));
        using var store = await PostgreSqlFlagStore.OpenAsync(database, new PostgreSqlFlagStoreOptions { TimeProvider = clock });

        var written = await store.SetAsync(StoreFlags.Checkout, new FlagOverride { Value = "on" });

        var entry = Assert.Single(await store.GetHistoryAsync());
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 7, 30, 0, TimeSpan.Zero).AddTicks(1234560), entry.Timestamp);
        Assert.Equal(written.Entry!.Timestamp, entry.Timestamp);
        Assert.Equal(entry.Timestamp, store.Current.Entries[StoreFlags.Checkout].Updated);
    }

    [Fact]
    public async Task An_unreachable_database_at_start_fails_Open_with_the_real_error()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop(); // nothing listens there now

        var error = await Record.ExceptionAsync(() => PostgreSqlFlagStore.OpenAsync($"Host=127.0.0.1;Port={port};Username=postgres;Database=none;Timeout=2"));

        Assert.IsAssignableFrom<Npgsql.NpgsqlException>(error);
    }
}
