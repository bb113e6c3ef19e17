using System;
using System.IO;
using System.Threading;
using TypedFlags.Store.Sqlite;
using TypedFlags.Store.Tests.Infrastructure;
using Xunit;

namespace TypedFlags.Cli.Tests.Store;

/// <summary>
/// set, rollout, kill, target, unset, status and history against real SQLite files, checked against flags.yaml. One test
/// waits for a CLI write to reach a running engine (bounded at 10 s; the 1 s promise is measured in docs/benchmarks.md),
/// so the class runs alone, after the parallel tests.
/// </summary>
[Collection(StoreCommandCollection.Name)]
public sealed class StoreCommandTests : IDisposable
{
    private readonly TempDirectory _directory = new();
    private readonly string _manifest;
    private readonly string _database;
    private readonly string _store;

    public StoreCommandTests()
    {
        _manifest = _directory.CopyFixture("flags.yaml", "flags.yaml");
        _database = _directory.Combine("flags.db");
        _store = "sqlite:" + _database;
    }

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void Each_writing_command_changes_one_part_of_the_override_and_is_audited()
    {
        Assert.Equal(0, Write("set", "checkout.new_flow", "on", "--reason", "launch", "--actor", "alice").ExitCode);
        Assert.Equal(0, Write("rollout", "checkout.new_flow", "25%", "--reason", "ramp", "--actor", "alice").ExitCode);
        Assert.Equal(0, Write("target", "checkout.new_flow", "tenant:acme=off", "--expires", "2026-12-31", "--reason", "customer asked", "--actor", "bob").ExitCode);
        var kill = Write("kill", "checkout.new_flow", "--reason", "incident 7", "--actor", "carol");

        Assert.Equal(0, kill.ExitCode);
        Assert.Equal(
            $"Killed 'checkout.new_flow' in store:sqlite:{_database} (revision 4): {{\"State\":\"kill\",\"Rollout\":\"25%\",\"Targets\":[{{\"Target\":\"tenant:acme\",\"Value\":\"off\",\"Expires\":\"2026-12-31\"}}]}}\n",
            kill.Out);

        var status = Run("status", "checkout.new_flow");
        Assert.Equal(0, status.ExitCode);
        Assert.StartsWith($"store:sqlite:{_database} at revision 4\n", status.Out, StringComparison.Ordinal);
        Assert.Contains("checkout.new_flow  {\"State\":\"kill\",\"Rollout\":\"25%\",", status.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("search.max_results", status.Out, StringComparison.Ordinal);

        Assert.Equal(0, Write("set", "checkout.new_flow", "on", "--reason", "fixed", "--actor", "carol").ExitCode);
        Assert.Equal(0, Write("unset", "checkout.new_flow", "--reason", "done", "--actor", "carol").ExitCode);
        var history = Run("history", "checkout.new_flow");
        Assert.Equal(0, history.ExitCode);
        var lines = history.Out.TrimEnd('\n').Split('\n');
        Assert.Equal(2 + 6, lines.Length);
        Assert.Contains("  bob    checkout.new_flow  {\"Value\":\"on\",\"Rollout\":\"25%\"}  ", lines[4], StringComparison.Ordinal);
        Assert.EndsWith("customer asked", lines[4], StringComparison.Ordinal);
        Assert.Contains("{\"Value\":\"on\",\"Rollout\":\"25%\",\"Targets\"", lines[6], StringComparison.Ordinal);
        Assert.Matches(@"  carol  checkout\.new_flow  \{""Value"":""on"".*\}\s+-\s+done$", lines[7]);
    }

    [Fact]
    public void A_bad_value_is_refused_in_TF2002_words_and_nothing_is_written()
    {
        Assert.Equal(0, Write("set", "search.max_results", "20", "--reason", "seed").ExitCode);
        var before = TableDump.Of(_database);

        var bad = Write("set", "search.max_results", "twenty", "--reason", "typo");
        var rollout = Write("rollout", "search.max_results", "25%", "--reason", "not a bool flag");
        var target = Write("target", "checkout.layout", "group:=compact", "--reason", "no group name");
        var expires = Write("target", "checkout.layout", "alice=compact", "--expires", "soon", "--reason", "bad date");

        Assert.Equal(before, TableDump.Of(_database));
        Assert.Equal((1, string.Empty), (bad.ExitCode, bad.Out));
        Assert.Equal("typedflags: 'search.max_results:Value': 'twenty' is not valid for int flag 'search.max_results': expected a 32-bit integer (invariant culture). Nothing was written.\n", bad.Error);
        Assert.Equal(1, rollout.ExitCode);
        Assert.Contains("'search.max_results:Rollout': field 'Rollout' is not valid for int flag 'search.max_results'", rollout.Error, StringComparison.Ordinal);
        Assert.Equal(1, target.ExitCode);
        Assert.Contains("'checkout.layout:Targets:0:Target'", target.Error, StringComparison.Ordinal);
        Assert.Equal(1, expires.ExitCode);
        Assert.Contains("'checkout.layout:Targets:0:Expires': 'soon' is not valid", expires.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_base_revision_that_is_no_longer_current_is_a_conflict_and_nothing_is_written()
    {
        // Operator A reads status (revision 1), operator B changes the flag (revision 2), A's write based on 1 fails.
        Assert.Equal(0, Write("set", "search.max_results", "20", "--reason", "seed").ExitCode);
        Assert.Equal(0, Write("set", "search.max_results", "30", "--reason", "operator B", "--base-revision", "1").ExitCode);
        var before = TableDump.Of(_database);

        var stale = Write("set", "search.max_results", "40", "--reason", "operator A", "--base-revision", "1");
        var fresh = Write("kill", "checkout.new_flow", "--reason", "no override yet", "--base-revision", "0");
        var negative = Write("set", "search.max_results", "40", "--reason", "typo", "--base-revision", "-1");

        Assert.Equal(1, stale.ExitCode);
        Assert.Equal("typedflags: Flag 'search.max_results' changed after revision 1: its current revision is 2. Read it again and retry; nothing was written.\n", stale.Error);
        Assert.Equal(0, fresh.ExitCode);
        Assert.Equal(2, negative.ExitCode);
        Assert.Contains("--base-revision must be 0 or more.", negative.Error, StringComparison.Ordinal);
        Assert.Contains("\"Value\":\"30\"", Run("status", "search.max_results").Out, StringComparison.Ordinal);
        Assert.NotEqual(before, TableDump.Of(_database)); // only the kill of checkout.new_flow was written
    }

    [Fact]
    public void An_undeclared_key_is_refused_in_TF2001_words_and_nothing_is_written()
    {
        Assert.Equal(0, Write("set", "search.max_results", "20", "--reason", "seed").ExitCode);
        var before = TableDump.Of(_database);

        var result = Write("kill", "search.max_result", "--reason", "typo");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("typedflags: 'search.max_result' overrides a flag that flags.yaml does not declare; did you mean 'search.max_results'? Nothing was written.\n", result.Error);
        Assert.Equal(before, TableDump.Of(_database));
        Assert.Equal(1, Run("status", "search.max_result").ExitCode);
    }

    [Fact]
    public void Usage_errors_exit_2_and_create_nothing()
    {
        var noReason = Write("set", "checkout.new_flow", "on");
        var noEntry = Write("target", "checkout.new_flow", "alice", "--reason", "r");
        var noStore = CliRunner.RunWithEnvironment(_ => null, "set", "checkout.new_flow", "on", "--reason", "r", "--manifest", _manifest);
        var badScheme = CliRunner.Run("set", "checkout.new_flow", "on", "--reason", "r", "--manifest", _manifest, "--store", "redis:localhost");
        var badDate = Run("history", "--until", "tomorrow");

        Assert.Equal(2, noReason.ExitCode);
        Assert.Contains("Option '--reason' is required.", noReason.Error, StringComparison.Ordinal);
        Assert.Equal(2, noEntry.ExitCode);
        Assert.Contains("'alice' is not ENTRY=VALUE", noEntry.Error, StringComparison.Ordinal);
        Assert.Equal(2, noStore.ExitCode);
        Assert.Equal("typedflags: no store given: pass --store sqlite:PATH or postgres:CONNECTION, or set TYPEDFLAGS_STORE.\n", noStore.Error);
        Assert.Equal(2, badScheme.ExitCode);
        Assert.Contains("'redis:...' is not a store: expected sqlite:PATH or postgres:CONNECTION", badScheme.Error, StringComparison.Ordinal);
        Assert.Equal(2, badDate.ExitCode);
        Assert.False(File.Exists(_database));
    }

    [Fact]
    public void The_store_can_come_from_TYPEDFLAGS_STORE()
    {
        var result = CliRunner.RunWithEnvironment(
            name => name == "TYPEDFLAGS_STORE" ? _store : null,
            "set", "support.banner_text", "Back at 18:00", "--reason", "maintenance", "--manifest", _manifest);

        Assert.Equal(0, result.ExitCode);
        using var store = SqliteFlagStore.Open(_database);
        Assert.Equal("Back at 18:00", store.Current.Entries["support.banner_text"].Override!.Value);
    }

    [Fact]
    public void An_unreachable_postgres_store_is_reported_without_its_password()
    {
        // Port 1 on the loopback: nothing listens, the connection is refused at once. The PostgreSQL store's own tests
        // run these commands against a real server (tests/TypedFlags.Store.PostgreSql.Tests/CliTests.cs).
        var result = CliRunner.Run(
            "set", "checkout.new_flow", "on", "--reason", "r", "--manifest", _manifest,
            "--store", "postgres:Host=127.0.0.1;Port=1;Database=flags;Username=ops;Password=s3cret;Timeout=2");

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("typedflags: cannot open the store 'postgres:Host=127.0.0.1;Port=1;Database=flags;Username=ops;Password=***;Timeout=2': ", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Reading_a_store_that_does_not_exist_reports_it_and_does_not_create_it()
    {
        var status = Run("status");
        var history = Run("history");

        Assert.Equal(1, status.ExitCode);
        Assert.Contains("no flag store at", status.Error, StringComparison.Ordinal);
        Assert.Equal(1, history.ExitCode);
        Assert.False(File.Exists(_database));
    }

    [Fact]
    public void A_file_that_is_not_a_database_is_reported_and_left_alone()
    {
        File.WriteAllText(_database, "not a database, but someone's notes");

        var result = Write("set", "checkout.new_flow", "on", "--reason", "r");

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith($"typedflags: cannot open the store '{_store}': ", result.Error, StringComparison.Ordinal);
        Assert.Equal("not a database, but someone's notes", File.ReadAllText(_database));
    }

    [Fact]
    public void A_broken_flags_yaml_stops_the_write_with_its_diagnostics()
    {
        var broken = _directory.CopyFixture("broken.yaml", "broken/flags.yaml");

        var result = CliRunner.Run("set", "checkout.new_flow", "on", "--reason", "r", "--store", _store, "--manifest", broken);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("error TF0005", result.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(_database));
    }

    [Fact]
    public void History_filters_by_time_and_limit()
    {
        Assert.Equal(0, Write("set", "search.max_results", "1", "--reason", "one").ExitCode);
        Assert.Equal(0, Write("set", "search.max_results", "2", "--reason", "two").ExitCode);
        Assert.Equal(0, Write("set", "checkout.layout", "compact", "--reason", "three").ExitCode);

        var latest = Run("history", "--limit", "1");
        var future = Run("history", "--since", "2999-01-01");
        var past = Run("history", "--until", "2000-01-01T00:00:00Z");
        var key = Run("history", "search.max_results", "--since", "2000-01-01");

        Assert.Equal(3, latest.Out.TrimEnd('\n').Split('\n').Length);
        Assert.EndsWith("three\n", latest.Out, StringComparison.Ordinal);
        Assert.Equal(2, future.Out.TrimEnd('\n').Split('\n').Length);
        Assert.Equal(2, past.Out.TrimEnd('\n').Split('\n').Length);
        Assert.Equal(4, key.Out.TrimEnd('\n').Split('\n').Length);
    }

    [Fact]
    public void A_running_engine_applies_a_change_the_tool_writes()
    {
        var manifest = new FlagManifest(
            new[] { new FlagDefinition("checkout.new_flow", FlagValueKind.Bool, "New checkout", FlagValue.FromBool(false), "VITE_CHECKOUT_NEW_FLOW") },
            Array.Empty<FlagPhase>());
        Assert.Equal(0, Write("set", "checkout.new_flow", "off", "--reason", "create the store").ExitCode);
        using var store = SqliteFlagStore.Open(_database);
        var flag = new BoolFlag(new FlagEngine(manifest, null, new FlagOptions { Store = store, EnvironmentVariables = false }), 0);
        Assert.False(flag.IsEnabled);

        Assert.Equal(0, Write("set", "checkout.new_flow", "on", "--reason", "launch").ExitCode);

        Assert.True(SpinWait.SpinUntil(() => flag.IsEnabled, TimeSpan.FromSeconds(10)));
        Assert.Equal("store:sqlite:" + _database, flag.Evaluate(default).Source);
    }

    private CliResult Write(params string[] args) => CliRunner.Run([.. args, "--store", _store, "--manifest", _manifest]);

    private CliResult Run(params string[] args) => CliRunner.Run([.. args, "--store", _store, "--manifest", _manifest]);
}

/// <summary>Runs the store command tests one at a time, after the parallel ones.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class StoreCommandCollection
{
    public const string Name = "Store commands";
}
