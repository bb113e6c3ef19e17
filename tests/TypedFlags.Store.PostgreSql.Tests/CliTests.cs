using System;
using System.IO;
using System.Threading.Tasks;
using TypedFlags.Cli;
using TypedFlags.Store.PostgreSql.Tests.Infrastructure;
using Xunit;

namespace TypedFlags.Store.PostgreSql.Tests;

/// <summary>The typedflags store commands with <c>--store postgres:CONNECTION</c>, against a real server, while an app runs.</summary>
[Collection(PostgreSqlCollection.Name)]
public sealed class CliTests(PostgreSqlServer server)
{
    private static readonly string Manifest = Path.Combine(AppContext.BaseDirectory, "Fixtures", "flags.yaml");

    [Fact]
    public async Task Set_and_kill_from_the_CLI_reach_a_running_app_and_are_audited()
    {
        var database = server.CreateDatabase();
        var store = "postgres:" + database;

        // The running app: a store that exists before the first write, as an app started against an empty database.
        using var app = await StoreFlags.OpenAsync(database);
        await app.Listening;

        var set = Cli("set", "checkout.new_flow", "on", "--reason", "launch", "--actor", "alice", "--store", store);
        Assert.Equal((0, string.Empty), (set.ExitCode, set.Error));
        Assert.Equal($"Set 'checkout.new_flow' in {app.Source} (revision 1): {{\"Value\":\"on\"}}\n", set.Out);
        Assert.True(await StoreFlags.EventuallyAsync(() => app.Current.Revision == 1, TimeSpan.FromSeconds(10)));

        var kill = Cli("kill", "checkout.new_flow", "--reason", "incident 7", "--actor", "carol", "--store", store);
        Assert.Equal(0, kill.ExitCode);
        Assert.True(await StoreFlags.EventuallyAsync(() => app.Current.Entries["checkout.new_flow"].Override?.State == "kill", TimeSpan.FromSeconds(10)));

        var status = Cli("status", "--store", store);
        Assert.Equal(0, status.ExitCode);
        Assert.StartsWith($"{app.Source} at revision 2\n", status.Out, StringComparison.Ordinal);

        var history = Cli("history", "checkout.new_flow", "--store", store);
        Assert.Equal(0, history.ExitCode);
        Assert.Contains("incident 7", history.Out, StringComparison.Ordinal);
        Assert.Contains("launch", history.Out, StringComparison.Ordinal);
        Assert.Equal(2, (await app.GetHistoryAsync()).Count);
    }

    [Fact]
    public async Task A_refused_CLI_write_changes_no_table()
    {
        var database = server.CreateDatabase();
        var store = "postgres:" + database;
        Assert.Equal(0, Cli("set", "search.max_results", "20", "--reason", "seed", "--store", store).ExitCode);
        var before = await TableDump.OfAsync(database);

        var bad = Cli("set", "search.max_results", "twenty", "--reason", "typo", "--store", store);

        Assert.Equal(1, bad.ExitCode);
        Assert.Contains("'twenty' is not valid for int flag 'search.max_results'", bad.Error, StringComparison.Ordinal);
        Assert.Equal(before, await TableDump.OfAsync(database));
    }

    [Fact]
    public void Reading_commands_on_a_database_without_a_store_report_it_and_create_nothing()
    {
        var database = server.CreateDatabase();

        var status = Cli("status", "--store", "postgres:" + database);

        Assert.Equal(1, status.ExitCode);
        Assert.Contains("no flag store in database 'tf_", status.Error, StringComparison.Ordinal);
        Assert.False(PostgreSqlFlagStore.Exists(database));
    }

    private static (int ExitCode, string Out, string Error) Cli(params string[] args)
    {
        var output = new StringWriter { NewLine = "\n" };
        var error = new StringWriter { NewLine = "\n" };
        var exitCode = CliApp.Run([.. args, "--manifest", Manifest], new CliConsole(output, error, Rich: false));
        return (exitCode, output.ToString(), error.ToString());
    }
}
