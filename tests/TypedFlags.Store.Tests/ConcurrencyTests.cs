using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using TypedFlags.Store.Sqlite;
using TypedFlags.Store.Tests.Infrastructure;
using Xunit;

namespace TypedFlags.Store.Tests;

/// <summary>Many writers on two connections while engines read: every write audited once, in order, and the last one wins.</summary>
public sealed class ConcurrencyTests : IDisposable
{
    private const int Writers = 8;
    private const int WritesEach = 500;
    private const int Readers = 4;
    private static readonly string[] Keys = { "search.limit", "banner.text" };

    private readonly TempDatabase _database = new();

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task Eight_writers_times_five_hundred_writes_while_four_threads_read()
    {
        using var left = SqliteFlagStore.Open(_database.Path);
        using var right = SqliteFlagStore.Open(_database.Path);
        var flags = StoreFlags.Over(left);
        var failures = new ConcurrentQueue<Exception>();
        using var done = new CancellationTokenSource();
        var reads = 0L;

        var readers = Enumerable.Range(0, Readers).Select(r => Task.Factory.StartNew(
            () =>
            {
                var context = new FlagContext { TargetingKey = "reader-" + r };
                while (!done.IsCancellationRequested)
                {
                    try
                    {
                        // Values come from the writers' set (or the declared default): never a torn or foreign value.
                        var limit = flags.SearchLimit.GetValue(context);
                        var text = flags.BannerText.Value;
                        if (!(limit == 10 || limit >= 0 && limit < Writers * WritesEach) || !(text == "hello" || text.StartsWith("w", StringComparison.Ordinal)))
                        {
                            throw new InvalidOperationException($"read {limit} / '{text}'");
                        }

                        Interlocked.Increment(ref reads);
                    }
                    catch (Exception error)
                    {
                        failures.Enqueue(error);
                        return;
                    }
                }
            },
            TaskCreationOptions.LongRunning)).ToArray();

        var writers = Enumerable.Range(0, Writers).Select(w => Task.Run(async () =>
        {
            var store = w % 2 == 0 ? left : right;
            for (var i = 0; i < WritesEach; i++)
            {
                var key = Keys[(w + i) % Keys.Length];
                var value = key == "search.limit" ? (w * WritesEach + i).ToString(System.Globalization.CultureInfo.InvariantCulture) : $"w{w}-{i}";
                var result = await store.WriteAsync(StoreFlags.Manifest, FlagStoreWrite.Set(key, new FlagOverride { Value = value }, "writer-" + w, "stress " + i));
                if (!result.Succeeded)
                {
                    throw new InvalidOperationException(result.Message);
                }
            }
        })).ToArray();

        await Task.WhenAll(writers);
        done.Cancel();
        await Task.WhenAll(readers);

        Assert.Empty(failures);
        Assert.True(Interlocked.Read(ref reads) > 0);
        var history = await left.GetHistoryAsync();
        Assert.Equal(Writers * WritesEach, history.Count);
        for (var i = 0; i < history.Count; i++)
        {
            Assert.Equal(i + 1, history[i].Revision);
        }

        // Final state = the last write per key, in the store and in the engine.
        await left.RefreshAsync();
        var last = new Dictionary<string, FlagAuditEntry>();
        foreach (var entry in history)
        {
            last[entry.Key] = entry;
        }

        foreach (var key in Keys)
        {
            Assert.Equal(last[key].After, left.Current.Entries[key].Override);
            Assert.Equal(last[key].Revision, left.Current.Entries[key].Revision);
        }

        Assert.Equal(int.Parse(last["search.limit"].After!.Value!, System.Globalization.CultureInfo.InvariantCulture), flags.SearchLimit.Value);
        Assert.Equal(last["banner.text"].After!.Value, flags.BannerText.Value);
    }
}
