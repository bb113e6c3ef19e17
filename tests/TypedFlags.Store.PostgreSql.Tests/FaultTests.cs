using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using TypedFlags.Store.PostgreSql.Tests.Infrastructure;
using TypedFlags.Tests.Infrastructure;
using Xunit;

namespace TypedFlags.Store.PostgreSql.Tests;

/// <summary>
/// The database goes away while the app reads, and comes back. This test stops its own server (not the shared one), so
/// nothing else runs against it.
/// </summary>
public sealed class FaultTests
{
    [Fact]
    public async Task Stopped_database_keeps_the_last_good_values_with_one_warning_and_a_restart_resyncs()
    {
        using var server = new PostgreSqlServer();
        var database = server.CreateDatabase();
        var logger = new ListLogger();

        // A long first reconnect delay: the write made right after the restart lands while the app is still away.
        using var app = await StoreFlags.OpenAsync(database, logger, reconnectDelay: TimeSpan.FromSeconds(2));
        await app.Listening;
        var engine = StoreFlags.Engine(app);
        using (var operator1 = await StoreFlags.OpenAsync(database))
        {
            await operator1.SetAsync(StoreFlags.SearchLimit, new FlagOverride { Value = "25" });
            await operator1.SetAsync(StoreFlags.Checkout, new FlagOverride { Value = "on" });
        }

        Assert.True(await StoreFlags.EventuallyAsync(() => engine.SearchLimitFlag().Value == 25 && engine.CheckoutFlag().IsEnabled, TimeSpan.FromSeconds(5)));

        // Readers run through the whole outage: every read answers, from the last good values.
        using var stopReading = new CancellationTokenSource();
        var readErrors = new ConcurrentQueue<string>();
        long reads = 0;
        var readers = Enumerable.Range(0, 2).Select(_ => Task.Run(() =>
        {
            while (!stopReading.IsCancellationRequested)
            {
                try
                {
                    var limit = engine.SearchLimitFlag().Value;
                    if (limit != 25 && limit != 40)
                    {
                        readErrors.Enqueue($"read {limit}");
                    }

                    Interlocked.Increment(ref reads);
                }
                catch (Exception error)
                {
                    readErrors.Enqueue(error.ToString());
                }
            }
        })).ToArray();

        server.Stop();
        Assert.True(await StoreFlags.EventuallyAsync(() => Warnings(logger) == 1, TimeSpan.FromSeconds(10)));
        var duringOutage = Interlocked.Read(ref reads);
        await Task.Delay(TimeSpan.FromSeconds(3)); // several reconnect attempts fail meanwhile
        Assert.True(Interlocked.Read(ref reads) > duringOutage);
        Assert.Equal(25, engine.SearchLimitFlag().Value);
        Assert.True(engine.CheckoutFlag().IsEnabled);
        Assert.Equal(1, Warnings(logger));
        Assert.Contains("keep their last good values", logger.Entries.Single(entry => entry.Level == LogLevel.Warning).Message);

        var writeWhileDown = await Record.ExceptionAsync(() => app.WriteAsync(
            StoreFlags.Manifest, FlagStoreWrite.Set(StoreFlags.SearchLimit, new FlagOverride { Value = "30" }, "ops", "down")));
        Assert.NotNull(writeWhileDown); // a write cannot be stored: the writer hears about it
        Assert.Equal(25, engine.SearchLimitFlag().Value);

        server.Start();
        using (var operator2 = await StoreFlags.OpenAsync(database))
        {
            await operator2.SetAsync(StoreFlags.SearchLimit, new FlagOverride { Value = "40" });
        }

        // Resync: the change made while the app was away applies on reconnect, without a notification it could hear.
        Assert.True(await StoreFlags.EventuallyAsync(() => engine.SearchLimitFlag().Value == 40, TimeSpan.FromSeconds(15)));

        // Later writes reach it as usual.
        using (var operator3 = await StoreFlags.OpenAsync(database))
        {
            await operator3.SetAsync(StoreFlags.Checkout, new FlagOverride { State = "kill" });
        }

        Assert.True(await StoreFlags.EventuallyAsync(() => !engine.CheckoutFlag().IsEnabled, TimeSpan.FromSeconds(10)));
        stopReading.Cancel();
        await Task.WhenAll(readers);
        Assert.Empty(readErrors);
        Assert.Equal(1, Warnings(logger));
    }

    private static int Warnings(ListLogger logger) => logger.Entries.Count(entry => entry.Level == LogLevel.Warning);
}
