using System;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Data.Sqlite;
using TypedFlags.Store.Sqlite;
using TypedFlags.Store.Tests.Infrastructure;
using TypedFlags.Tests.Infrastructure;
using Xunit;

namespace TypedFlags.Store.Tests;

/// <summary>The SQLite store against real database files: writes, what engines see, kill, targets, conflicts, migrations.</summary>
public sealed class SqliteStoreTests : IDisposable
{
    private readonly TempDatabase _database = new();

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task A_write_reaches_the_engine_with_the_store_as_source()
    {
        using var store = SqliteFlagStore.Open(_database.Path);
        var flags = StoreFlags.Over(store);
        Assert.Equal(10, flags.SearchLimit.Value);

        var result = await store.WriteAsync(StoreFlags.Manifest, FlagStoreWrite.Set("search.limit", new FlagOverride { Value = "25" }, "alice", "load test"));

        Assert.Equal(FlagStoreWriteStatus.Written, result.Status);
        Assert.Equal(1, result.Revision);
        Assert.Equal(25, flags.SearchLimit.Value);
        var evaluation = flags.SearchLimit.Evaluate(default);
        Assert.Equal(FlagReason.Override, evaluation.Reason);
        Assert.Equal("store:sqlite:" + _database.Path, evaluation.Source);
        Assert.Equal(1, store.Current.RevisionOf("search.limit"));
    }

    [Fact]
    public async Task Two_engines_on_separate_connections_see_a_write_within_a_second()
    {
        using var writer = SqliteFlagStore.Open(_database.Path);
        using var reader = SqliteFlagStore.Open(_database.Path);
        var flags = StoreFlags.Over(reader);
        Assert.False(flags.Checkout.IsEnabled);

        // The reader's engine is not told by this process: only the store's poll of the file can bring the change.
        var clock = Stopwatch.StartNew();
        await writer.WriteAsync(StoreFlags.Manifest, FlagStoreWrite.Set("checkout.new", new FlagOverride { Value = "on" }, "alice", "launch"));
        var seen = SpinWait.SpinUntil(() => flags.Checkout.IsEnabled, TimeSpan.FromSeconds(1));
        clock.Stop();

        Assert.True(seen, $"not applied after {clock.Elapsed.TotalMilliseconds:0} ms");
        Assert.Equal(reader.Source, flags.Checkout.Evaluate(default).Source);
    }

    [Fact]
    public async Task Kill_turns_the_flag_off_for_everyone_before_targeting()
    {
        using var store = SqliteFlagStore.Open(_database.Path);
        var flags = StoreFlags.Over(store);
        await store.WriteAsync(StoreFlags.Manifest, FlagStoreWrite.Set("checkout.new", new FlagOverride { Value = "on", Allow = new[] { "alice" } }, "ops", "launch"));
        Assert.True(flags.Checkout.IsEnabledFor(new FlagContext { TargetingKey = "alice" }));

        var before = store.Current.RevisionOf("checkout.new");
        await store.WriteAsync(StoreFlags.Manifest, FlagStoreWrite.Set("checkout.new", new FlagOverride { State = "kill" }, "ops", "incident 42", before));

        var evaluation = flags.Checkout.Evaluate(new FlagContext { TargetingKey = "alice" });
        Assert.False(evaluation.Value);
        Assert.Equal(FlagReason.Killed, evaluation.Reason);
        Assert.Equal(store.Source, evaluation.Source);
        Assert.False(flags.Checkout.IsEnabled);
    }

    [Fact]
    public async Task A_per_target_override_expires_on_the_engines_clock()
    {
        var start = new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);
        var clock = new ManualTimeProvider(start);
        using var store = SqliteFlagStore.Open(_database.Path);
        var flags = StoreFlags.Over(store, clock);
        var alice = new FlagContext { TargetingKey = "alice" };
        await store.WriteAsync(
            StoreFlags.Manifest,
            FlagStoreWrite.Set("checkout.new", new FlagOverride { Targets = new[] { new FlagTargetOverride("alice", "on", "2026-12-01T10:00:00Z") } }, "ops", "support ticket 7"));

        var evaluation = flags.Checkout.Evaluate(alice);
        Assert.True(evaluation.Value);
        Assert.Equal(FlagReason.TargetingMatch, evaluation.Reason);
        Assert.Equal(store.Source, evaluation.Source);
        Assert.False(flags.Checkout.IsEnabledFor(new FlagContext { TargetingKey = "bob" }));

        clock.Advance(TimeSpan.FromMinutes(59));
        Assert.True(flags.Checkout.IsEnabledFor(alice));
        clock.Advance(TimeSpan.FromMinutes(2));
        Assert.False(flags.Checkout.IsEnabledFor(alice));
        Assert.Equal(FlagReason.Default, flags.Checkout.Evaluate(alice).Reason);
    }

    [Fact]
    public async Task Every_rejected_write_leaves_the_tables_unchanged()
    {
        using var store = SqliteFlagStore.Open(_database.Path);
        await store.WriteAsync(StoreFlags.Manifest, FlagStoreWrite.Set("search.limit", new FlagOverride { Value = "25" }, "alice", "seed"));
        var revision = store.Current.RevisionOf("search.limit");
        var before = TableDump.Of(_database.Path);

        var unknown = await store.WriteAsync(StoreFlags.Manifest, FlagStoreWrite.Set("search.limt", new FlagOverride { Value = "30" }, "bob", "typo"));
        var bad = await store.WriteAsync(StoreFlags.Manifest, FlagStoreWrite.Set("search.limit", new FlagOverride { Value = "thirty" }, "bob", "bad value"));
        var badTarget = await store.WriteAsync(StoreFlags.Manifest, FlagStoreWrite.Set("search.limit", new FlagOverride { Targets = new[] { new FlagTargetOverride("tenant:", "3") } }, "bob", "bad target"));
        var noReason = await store.WriteAsync(StoreFlags.Manifest, FlagStoreWrite.Set("search.limit", new FlagOverride { Value = "30" }, "bob", ""));
        var stale = await store.WriteAsync(StoreFlags.Manifest, FlagStoreWrite.Set("search.limit", new FlagOverride { Value = "30" }, "bob", "stale", revision - 1));
        var staleRemoval = await store.WriteAsync(StoreFlags.Manifest, FlagStoreWrite.Remove("search.limit", "bob", "stale", revision + 5));
        var neverWritten = await store.WriteAsync(StoreFlags.Manifest, FlagStoreWrite.Set("banner.text", new FlagOverride { Value = "x" }, "bob", "expects a row", 3));

        Assert.Equal(before, TableDump.Of(_database.Path));
        Assert.Equal(FlagStoreWriteStatus.Rejected, unknown.Status);
        Assert.Contains("does not declare; did you mean 'search.limit'?", unknown.Message, StringComparison.Ordinal);
        Assert.Equal(FlagStoreWriteStatus.Rejected, bad.Status);
        Assert.Equal(FlagStoreWriteStatus.Rejected, badTarget.Status);
        Assert.Equal("Targets:0:Target", badTarget.Field);
        Assert.Equal(FlagStoreWriteStatus.Rejected, noReason.Status);
        Assert.Equal(FlagStoreWriteStatus.Conflict, stale.Status);
        Assert.Equal(revision, stale.Revision);
        Assert.Contains($"its current revision is {revision}", stale.Message, StringComparison.Ordinal);
        Assert.Equal(FlagStoreWriteStatus.Conflict, staleRemoval.Status);
        Assert.Equal(FlagStoreWriteStatus.Conflict, neverWritten.Status);
        Assert.Equal(0, neverWritten.Revision);
    }

    [Fact]
    public async Task Two_writes_racing_on_the_same_base_revision_give_one_winner_and_one_conflict()
    {
        using var first = SqliteFlagStore.Open(_database.Path);
        using var second = SqliteFlagStore.Open(_database.Path);
        for (var round = 0; round < 20; round++)
        {
            var based = first.Current.RevisionOf("search.limit");
            var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var a = Task.Run(async () =>
            {
                await start.Task;
                return await first.WriteAsync(StoreFlags.Manifest, FlagStoreWrite.Set("search.limit", new FlagOverride { Value = "1" }, "a", "race", based));
            });
            var b = Task.Run(async () =>
            {
                await start.Task;
                return await second.WriteAsync(StoreFlags.Manifest, FlagStoreWrite.Set("search.limit", new FlagOverride { Value = "2" }, "b", "race", based));
            });
            start.SetResult();
            var results = await Task.WhenAll(a, b);

            var winner = Assert.Single(results, r => r.Status == FlagStoreWriteStatus.Written);
            var loser = Assert.Single(results, r => r.Status == FlagStoreWriteStatus.Conflict);
            Assert.Equal(winner.Revision, loser.Revision);
            await first.RefreshAsync();
            Assert.Equal(winner.Revision, first.Current.RevisionOf("search.limit"));
        }

        Assert.Equal(20, (await first.GetHistoryAsync()).Count);
    }

    [Fact]
    public async Task Unset_removes_the_override_and_keeps_the_flag_revision_for_later_writes()
    {
        using var store = SqliteFlagStore.Open(_database.Path);
        var flags = StoreFlags.Over(store);
        await store.WriteAsync(StoreFlags.Manifest, FlagStoreWrite.Set("layout", new FlagOverride { Value = "compact" }, "ops", "try"));
        Assert.Equal(StoreLayout.Compact, flags.Layout.Value);

        var removed = await store.WriteAsync(StoreFlags.Manifest, FlagStoreWrite.Remove("layout", "ops", "back", baseRevision: 1));

        Assert.True(removed.Succeeded);
        Assert.Equal(StoreLayout.Classic, flags.Layout.Value);
        Assert.Equal(FlagReason.Default, flags.Layout.Evaluate(default).Reason);
        Assert.Equal(2, store.Current.RevisionOf("layout"));
        Assert.Null(store.Current.Entries["layout"].Override);
        var history = await store.GetHistoryAsync(new FlagHistoryQuery { Key = "layout" });
        Assert.Equal(new FlagOverride { Value = "compact" }, history[1].Before);
        Assert.Null(history[1].After);
    }

    [Fact]
    public async Task History_is_read_by_key_and_time_range()
    {
        var clock = new ManualTimeProvider(new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.Zero));
        using var store = SqliteFlagStore.Open(_database.Path, new SqliteFlagStoreOptions { TimeProvider = clock });
        foreach (var (key, value) in new[] { ("search.limit", "1"), ("banner.text", "a"), ("search.limit", "2"), ("search.limit", "3") })
        {
            await store.WriteAsync(StoreFlags.Manifest, FlagStoreWrite.Set(key, new FlagOverride { Value = value }, "ops", "step " + value));
            clock.Advance(TimeSpan.FromHours(1));
        }

        var all = await store.GetHistoryAsync();
        var limit = await store.GetHistoryAsync(new FlagHistoryQuery { Key = "search.limit" });
        var window = await store.GetHistoryAsync(new FlagHistoryQuery { Since = new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero), Until = new DateTimeOffset(2026, 12, 1, 11, 0, 0, TimeSpan.Zero) });
        var latest = await store.GetHistoryAsync(new FlagHistoryQuery { Key = "search.limit", Limit = 1 });

        Assert.Equal(new long[] { 1, 2, 3, 4 }, Array.ConvertAll(all is FlagAuditEntry[] a ? a : System.Linq.Enumerable.ToArray(all), e => e.Revision));
        Assert.Equal(new[] { "1", "2", "3" }, System.Linq.Enumerable.Select(limit, e => e.After!.Value));
        Assert.Equal(new long[] { 2, 3 }, System.Linq.Enumerable.Select(window, e => e.Revision));
        Assert.Equal(4, Assert.Single(latest).Revision);
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero), all[1].Timestamp);
        Assert.Equal("ops", all[1].Actor);
        Assert.Equal("step a", all[1].Reason);
        Assert.Null(all[1].Before);
        Assert.Equal(new FlagOverride { Value = "1" }, all[2].Before);
    }

    [Fact]
    public void Opening_migrates_once_in_WAL_mode_and_a_second_open_changes_nothing()
    {
        using (SqliteFlagStore.Open(_database.Path))
        {
        }

        var first = TableDump.Of(_database.Path);
        using (SqliteFlagStore.Open(_database.Path))
        {
        }

        Assert.Equal(first, TableDump.Of(_database.Path));
        Assert.Contains("== typedflags_migrations\nINTEGER:1 | TEXT:overrides, audit log and migrations tables | TEXT:", first.Replace("\r\n", "\n"), StringComparison.Ordinal);
        Assert.Equal("wal", Scalar("PRAGMA journal_mode"));
        FlagStoreSchema.Check(SqliteSchema.Migrations);
    }

    [Fact]
    public void A_database_from_a_newer_TypedFlags_is_refused_untouched()
    {
        using (SqliteFlagStore.Open(_database.Path))
        {
        }

        Scalar("INSERT INTO typedflags_migrations (version, description, applied_at) VALUES (2, 'from the future', '2030-01-01T00:00:00.0000000Z')");
        var before = TableDump.Of(_database.Path);

        var error = Assert.Throws<FlagStoreSchemaException>(() => SqliteFlagStore.Open(_database.Path));

        Assert.Contains("schema version 2, newer than this TypedFlags knows (1)", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, TableDump.Of(_database.Path));
    }

    private string? Scalar(string sql)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = _database.Path, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
