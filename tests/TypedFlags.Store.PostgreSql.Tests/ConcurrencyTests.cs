using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using TypedFlags.Store.PostgreSql.Tests.Infrastructure;
using Xunit;

namespace TypedFlags.Store.PostgreSql.Tests;

/// <summary>Writers racing each other: base-revision conflicts, and many writers while engines read.</summary>
[Collection(PostgreSqlCollection.Name)]
public sealed class ConcurrencyTests(PostgreSqlServer server)
{
    [Fact]
    public async Task Two_writes_racing_on_the_same_base_revision_exactly_one_wins()
    {
        var database = server.CreateDatabase();
        using var first = await StoreFlags.OpenAsync(database);
        using var second = await StoreFlags.OpenAsync(database);

        // Twenty rounds, each racing two operators (separate instances, separate connections) from the same base.
        for (var round = 0; round < 20; round++)
        {
            var baseRevision = first.Current.RevisionOf(StoreFlags.SearchLimit);
            using var start = new Barrier(2);
            var racers = new[] { (first, "11"), (second, "22") }.Select(racer => Task.Run(async () =>
            {
                start.SignalAndWait();
                return await racer.Item1.WriteAsync(
                    StoreFlags.Manifest,
                    FlagStoreWrite.Set(StoreFlags.SearchLimit, new FlagOverride { Value = racer.Item2 }, "op" + racer.Item2, "race", baseRevision));
            })).ToArray();
            var results = await Task.WhenAll(racers);

            var winner = Assert.Single(results, result => result.Status == FlagStoreWriteStatus.Written);
            var loser = Assert.Single(results, result => result.Status == FlagStoreWriteStatus.Conflict);
            Assert.Equal(winner.Revision, loser.Revision); // the loser learns the revision to re-read
            await first.RefreshAsync();
            Assert.Equal(winner.Revision, first.Current.RevisionOf(StoreFlags.SearchLimit));
        }

        Assert.Equal(20, (await first.GetHistoryAsync()).Count);
    }

    [Fact]
    public async Task Eight_writers_times_500_writes_while_four_threads_read()
    {
        const int Writers = 8;
        const int WritesEach = 500;
        var database = server.CreateDatabase();
        using var storeA = await StoreFlags.OpenAsync(database);
        using var storeB = await StoreFlags.OpenAsync(database);
        var engine = StoreFlags.Engine(storeB);
        var limit = engine.SearchLimitFlag();
        var checkout = engine.CheckoutFlag();

        var written = new ConcurrentBag<(long Revision, string Key, string Value)>();
        using var done = new CancellationTokenSource();
        var readErrors = new ConcurrentQueue<Exception>();
        long reads = 0;
        var readers = Enumerable.Range(0, 4).Select(_ => Task.Run(() =>
        {
            while (!done.IsCancellationRequested)
            {
                try
                {
                    // Every value a reader sees is the default or one some writer wrote (writers write 1000 and up).
                    var value = limit.Value;
                    Assert.True(value == 10 || value >= 1000, $"read {value}");
                    checkout.IsEnabledFor("alice").ToString();

                    // Readers as busy as an app's, not spinning: on a 2-core machine four spinning threads starve the writers.
                    if (Interlocked.Increment(ref reads) % 100 == 0)
                    {
                        Thread.Sleep(1);
                    }
                }
                catch (Exception error)
                {
                    readErrors.Enqueue(error);
                    return;
                }
            }
        })).ToArray();

        var writers = Enumerable.Range(0, Writers).Select(writer => Task.Run(async () =>
        {
            var store = writer % 2 == 0 ? storeA : storeB;
            for (var i = 0; i < WritesEach; i++)
            {
                var (key, value) = i % 2 == 0
                    ? (StoreFlags.SearchLimit, (1000 + (writer * WritesEach) + i).ToString(CultureInfo.InvariantCulture))
                    : (StoreFlags.Checkout, (writer + i) % 3 == 0 ? "off" : "on");
                var result = await store.WriteAsync(StoreFlags.Manifest, FlagStoreWrite.Set(key, new FlagOverride { Value = value }, "writer" + writer, "load"));
                Assert.True(result.Succeeded, result.Message);
                written.Add((result.Revision, key, value));
            }
        })).ToArray();
        await Task.WhenAll(writers);
        done.Cancel();
        await Task.WhenAll(readers);

        Assert.Empty(readErrors);
        Assert.True(Interlocked.Read(ref reads) > 0);

        var history = await storeA.GetHistoryAsync();
        Assert.Equal(Writers * WritesEach, history.Count);
        for (var i = 1; i < history.Count; i++)
        {
            Assert.True(history[i].Revision > history[i - 1].Revision, $"revision {history[i].Revision} after {history[i - 1].Revision}");
        }

        Assert.Equal(written.Select(write => write.Revision).OrderBy(revision => revision), history.Select(entry => entry.Revision));

        // Final state: the last write per key, in the store and, once it has caught up, in the reading engine.
        var last = written.GroupBy(write => write.Key).ToDictionary(group => group.Key, group => group.MaxBy(write => write.Revision).Value);
        await storeB.RefreshAsync();
        foreach (var (key, value) in last)
        {
            Assert.Equal(new FlagOverride { Value = value }, storeB.Current.Entries[key].Override);
        }

        Assert.Equal(int.Parse(last[StoreFlags.SearchLimit], CultureInfo.InvariantCulture), limit.Value);
        Assert.Equal(last[StoreFlags.Checkout] == "on", checkout.IsEnabledFor("alice"));

        // Each entry's before is the previous entry's after for the same key: no write was lost between two others.
        foreach (var byKey in history.GroupBy(entry => entry.Key))
        {
            FlagOverride? previous = null;
            foreach (var entry in byKey)
            {
                Assert.Equal(previous, entry.Before);
                previous = entry.After;
            }
        }
    }
}
