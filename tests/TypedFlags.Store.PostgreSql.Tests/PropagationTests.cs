using System;
using System.Threading.Tasks;
using TypedFlags.Store.PostgreSql;
using TypedFlags.Store.PostgreSql.Tests.Infrastructure;
using TypedFlags.Tests.Infrastructure;
using Xunit;

namespace TypedFlags.Store.PostgreSql.Tests;

/// <summary>Writes reach every instance: two stores on separate connections (two app instances), an engine on each.</summary>
[Collection(PostgreSqlCollection.Name)]
public sealed class PropagationTests(PostgreSqlServer server)
{
    // A bound on "eventually", not a latency claim: the poll and LISTEN/NOTIFY deliver in milliseconds, but a loaded
    // 2-core CI machine can stall a process for seconds. Latency is for benchmarks, not for assertions.
    private static readonly TimeSpan Eventually = TimeSpan.FromSeconds(10);

    /// <summary>Two app instances on a new database: one writes, the other listens for its notifications.</summary>
    private async Task<Instances> TwoInstancesAsync()
    {
        var database = server.CreateDatabase();
        var writer = await StoreFlags.OpenAsync(database);
        var reader = await StoreFlags.OpenAsync(database);
        await reader.Listening;
        return new Instances(writer, reader);
    }

    private sealed record Instances(PostgreSqlFlagStore Writer, PostgreSqlFlagStore Reader) : IDisposable
    {
        public void Dispose()
        {
            Reader.Dispose();
            Writer.Dispose();
        }
    }

    [Fact]
    public async Task A_write_in_one_instance_is_seen_by_the_other()
    {
        using var instances = await TwoInstancesAsync();
        var (writer, reader) = (instances.Writer, instances.Reader);
        var writerEngine = StoreFlags.Engine(writer);
        var readerEngine = StoreFlags.Engine(reader);
        Assert.False(readerEngine.CheckoutFlag().IsEnabled);

        await writer.SetAsync(StoreFlags.Checkout, new FlagOverride { Value = "on" });
        Assert.True(writerEngine.CheckoutFlag().IsEnabled); // the writing instance applies its own write at once

        // Every instance applies the change. The 1 s promise is measured, not asserted: docs/benchmarks.md has the
        // distribution from benchmarks/TypedFlags.Store.PostgreSql.Propagation.
        Assert.True(await StoreFlags.EventuallyAsync(() => readerEngine.CheckoutFlag().IsEnabled, Eventually));
        var evaluation = readerEngine.CheckoutFlag().Evaluate(default);
        Assert.Equal(FlagReason.Override, evaluation.Reason);
        Assert.Equal(reader.Source, evaluation.Source);
        Assert.StartsWith("store:postgres:127.0.0.1:", evaluation.Source);
    }

    [Fact]
    public async Task A_kill_reaches_the_other_instance_and_turns_the_flag_off_for_everyone()
    {
        using var instances = await TwoInstancesAsync();
        var (writer, reader) = (instances.Writer, instances.Reader);
        var engine = StoreFlags.Engine(reader);
        await writer.SetAsync(StoreFlags.Checkout, new FlagOverride { Value = "on" });
        Assert.True(await StoreFlags.EventuallyAsync(() => engine.CheckoutFlag().IsEnabledFor("alice"), Eventually));

        await writer.SetAsync(StoreFlags.Checkout, new FlagOverride { State = "kill" }, baseRevision: reader.Current.RevisionOf(StoreFlags.Checkout));

        Assert.True(await StoreFlags.EventuallyAsync(() => !engine.CheckoutFlag().IsEnabledFor("alice"), Eventually));
        var evaluation = engine.CheckoutFlag().Evaluate("alice");
        Assert.Equal(FlagReason.Killed, evaluation.Reason);
        Assert.Equal(reader.Source, evaluation.Source);
    }

    [Fact]
    public async Task A_removal_reaches_the_other_instance_and_the_flag_falls_back_to_its_declaration()
    {
        using var instances = await TwoInstancesAsync();
        var (writer, reader) = (instances.Writer, instances.Reader);
        var engine = StoreFlags.Engine(reader);
        await writer.SetAsync(StoreFlags.SearchLimit, new FlagOverride { Value = "25" });
        Assert.True(await StoreFlags.EventuallyAsync(() => engine.SearchLimitFlag().Value == 25, Eventually));

        var removed = await writer.WriteAsync(StoreFlags.Manifest, FlagStoreWrite.Remove(StoreFlags.SearchLimit, "ops", "done"));

        Assert.True(removed.Succeeded, removed.Message);
        Assert.True(await StoreFlags.EventuallyAsync(() => engine.SearchLimitFlag().Value == 10, Eventually));
        Assert.Equal(FlagReason.Default, engine.SearchLimitFlag().Evaluate(default).Reason);
        Assert.Equal(removed.Revision, reader.Current.RevisionOf(StoreFlags.SearchLimit)); // a removed flag keeps its revision
    }

    [Fact]
    public async Task A_per_target_override_expires_on_the_engines_clock()
    {
        using var instances = await TwoInstancesAsync();
        var (writer, reader) = (instances.Writer, instances.Reader);
        var time = new ManualTimeProvider(new DateTimeOffset(2026, 12, 1, 12, 0, 0, TimeSpan.Zero));
        var engine = StoreFlags.Engine(reader, time);

        await writer.SetAsync(StoreFlags.Checkout, new FlagOverride
        {
            Targets = new[] { new FlagTargetOverride("alice", "on", "2026-12-01T13:00:00Z"), new FlagTargetOverride("tenant:acme", "on") },
        });

        Assert.True(await StoreFlags.EventuallyAsync(() => engine.CheckoutFlag().IsEnabledFor("alice"), Eventually));
        Assert.Equal(FlagReason.TargetingMatch, engine.CheckoutFlag().Evaluate("alice").Reason);
        Assert.False(engine.CheckoutFlag().IsEnabledFor("bob"));

        time.Advance(TimeSpan.FromMinutes(59));
        Assert.True(engine.CheckoutFlag().IsEnabledFor("alice"));

        time.Advance(TimeSpan.FromMinutes(1)); // 13:00: alice's entry ends, with no write and no reload
        Assert.False(engine.CheckoutFlag().IsEnabledFor("alice"));
        Assert.True(engine.CheckoutFlag().IsEnabledFor(new FlagContext { TargetingKey = "alice", Tenant = "acme" }));
    }

    [Fact]
    public async Task History_reads_by_key_and_time_range_with_before_and_after()
    {
        var database = server.CreateDatabase();
        using var store = await StoreFlags.OpenAsync(database);
        var first = await store.SetAsync(StoreFlags.Checkout, new FlagOverride { Value = "on" });
        await store.SetAsync(StoreFlags.SearchLimit, new FlagOverride { Value = "20" });
        var third = await store.SetAsync(StoreFlags.Checkout, new FlagOverride { Rollout = "25%" }, first.Revision);

        var checkout = await store.GetHistoryAsync(new FlagHistoryQuery { Key = StoreFlags.Checkout });
        Assert.Equal(new[] { first.Revision, third.Revision }, new[] { checkout[0].Revision, checkout[1].Revision });
        Assert.Null(checkout[0].Before);
        Assert.Equal(new FlagOverride { Value = "on" }, checkout[1].Before);
        Assert.Equal(new FlagOverride { Rollout = "25%" }, checkout[1].After);
        Assert.Equal(("test", "test"), (checkout[1].Actor, checkout[1].Reason));
        Assert.Equal(TimeSpan.Zero, checkout[1].Timestamp.Offset);

        var all = await store.GetHistoryAsync();
        Assert.Equal(3, all.Count);
        var fromThird = await store.GetHistoryAsync(new FlagHistoryQuery { Since = all[2].Timestamp });
        Assert.Equal(third.Revision, Assert.Single(fromThird).Revision);
        var beforeThird = await store.GetHistoryAsync(new FlagHistoryQuery { Until = all[2].Timestamp });
        Assert.Equal(2, beforeThird.Count);
        var latest = await store.GetHistoryAsync(new FlagHistoryQuery { Limit = 1 });
        Assert.Equal(third.Revision, Assert.Single(latest).Revision);
    }

    [Fact]
    public async Task A_change_that_sends_no_notification_is_applied_at_the_periodic_check()
    {
        var database = server.CreateDatabase();
        using var store = await PostgreSqlFlagStore.OpenAsync(database, new PostgreSqlFlagStoreOptions { RevisionCheckInterval = TimeSpan.FromMilliseconds(200) });
        await store.Listening;
        var engine = StoreFlags.Engine(store);

        // As a restore or a hand-made fix would: rows written straight into the tables, no pg_notify.
        await using (var connection = new Npgsql.NpgsqlConnection(database))
        {
            await connection.OpenAsync();
            await using var restore = new Npgsql.NpgsqlCommand(
                """
                INSERT INTO typedflags_overrides (key, override, revision, updated_at, actor) VALUES ('search.limit', '{"Value":"33"}', 1, now(), 'dba');
                INSERT INTO typedflags_audit (revision, at, actor, reason, key, before, after) VALUES (1, now(), 'dba', 'restore', 'search.limit', NULL, '{"Value":"33"}');
                """,
                connection);
            await restore.ExecuteNonQueryAsync();
        }

        Assert.True(await StoreFlags.EventuallyAsync(() => engine.SearchLimitFlag().Value == 33, TimeSpan.FromSeconds(5)));
        Assert.Equal(1, store.Current.Revision);
    }
}
