using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Npgsql;
using TypedFlags.Store.PostgreSql.Tests.Infrastructure;
using Xunit;

namespace TypedFlags.Store.PostgreSql.Tests;

/// <summary>Versioned migrations: run on first use, idempotent, and safe when several instances start at once.</summary>
[Collection(PostgreSqlCollection.Name)]
public sealed class MigrationTests(PostgreSqlServer server)
{
    [Fact]
    public async Task Eight_instances_migrating_at_once_apply_each_step_exactly_once()
    {
        var connectionString = server.CreateDatabase();
        await using var dataSource = NpgsqlDataSource.Create(connectionString);

        using var start = new Barrier(8);
        var instances = Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
        {
            await using var connection = await dataSource.OpenConnectionAsync();
            start.SignalAndWait();
            await PostgreSqlMigrations.EnsureAsync(connection, CancellationToken.None);
        })).ToArray();
        await Task.WhenAll(instances);

        await using var check = await dataSource.OpenConnectionAsync();
        await using var applied = new NpgsqlCommand("SELECT version FROM typedflags_migrations ORDER BY version", check);
        await using var reader = await applied.ExecuteReaderAsync();
        var versions = new System.Collections.Generic.List<int>();
        while (await reader.ReadAsync())
        {
            versions.Add(reader.GetInt32(0));
        }

        Assert.Equal(FlagStoreSchema.Versions.Select(step => step.Version), versions);
    }

    [Fact]
    public async Task Running_the_migrations_again_changes_nothing_and_keeps_the_data()
    {
        var connectionString = server.CreateDatabase();
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        var database = new PostgreSqlStoreDatabase(dataSource);
        await database.WriteAsync(new StoreWrite("checkout.new", "{\"Value\":\"on\"}", "alice", "launch"), CancellationToken.None);

        await using var connection = await dataSource.OpenConnectionAsync();
        await PostgreSqlMigrations.EnsureAsync(connection, CancellationToken.None);
        await PostgreSqlMigrations.EnsureAsync(connection, CancellationToken.None);

        var contents = await PostgreSqlStoreDatabase.ReadAllAsync(connection, CancellationToken.None);
        Assert.Equal(1, contents.Revision);
        Assert.Equal("{\"Value\":\"on\"}", contents.Overrides["checkout.new"].Value);
        Assert.Equal(FlagStoreSchema.CurrentVersion, await CountAsync(connection, "SELECT count(*) FROM typedflags_migrations"));
    }

    [Fact]
    public void The_migrations_are_the_logical_schemas_versions_one_for_one() => FlagStoreSchema.Check(PostgreSqlMigrations.All);

    [Fact]
    public async Task A_schema_newer_than_this_build_is_reported_and_left_alone()
    {
        var connectionString = server.CreateDatabase();
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await using var connection = await dataSource.OpenConnectionAsync();
        await PostgreSqlMigrations.EnsureAsync(connection, CancellationToken.None);
        await using (var future = new NpgsqlCommand("INSERT INTO typedflags_migrations (version, description) VALUES (999, 'from the future')", connection))
        {
            await future.ExecuteNonQueryAsync();
        }

        var error = await Assert.ThrowsAsync<FlagStoreSchemaException>(() => PostgreSqlMigrations.EnsureAsync(connection, CancellationToken.None));
        Assert.Contains("version 999", error.Message);
    }

    private static async Task<long> CountAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
