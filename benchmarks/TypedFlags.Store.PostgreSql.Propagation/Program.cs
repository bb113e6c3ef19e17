using System;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using TypedFlags;
using TypedFlags.Store.PostgreSql;
using TypedFlags.Store.PostgreSql.Tests.Infrastructure;

// Two app instances on separate connections: `writer` changes search.limit, `reader`'s engine is polled until its flag
// read returns the new value. Measured per write: from the start of the write call to the other instance's read (what an
// operator waits for), and, for scale, how long the write call itself takes (validate, commit, refresh the writer).
// Same method as the SQLite harness (benchmarks/TypedFlags.Benchmarks/StoreLatency.cs): a random 0-50 ms pause before
// each write, the reader polled every millisecond, p50/p90/p99, so the two backends' numbers compare.
const int Writes = 200;
var random = new Random(15);
var connection = args.SkipWhile(arg => arg != "--connection").Skip(1).FirstOrDefault();
using var server = connection is null ? new PostgreSqlServer() : null;
connection ??= server!.CreateDatabase();

var manifest = new FlagManifest(
    new[] { new FlagDefinition("search.limit", FlagValueKind.Int, "Results per page", FlagValue.FromInt(10), "TFBENCH_SEARCH_LIMIT") },
    Array.Empty<FlagPhase>());
using var writer = await PostgreSqlFlagStore.OpenAsync(connection);
using var reader = await PostgreSqlFlagStore.OpenAsync(connection);
var engine = new FlagEngine(manifest, configuration: null, new FlagOptions { Store = reader, EnvironmentVariables = false });
var limit = new Flag<int>(engine, 0);

// Warm up: connections open, JIT done, LISTEN in place.
for (var i = 0; i < 20; i++)
{
    await WriteAndWaitAsync(-1 - i);
}

var fromCall = new double[Writes];
var writeCall = new double[Writes];
for (var i = 0; i < Writes; i++)
{
    (fromCall[i], writeCall[i]) = await WriteAndWaitAsync(1000 + i);
}

Console.WriteLine($"PostgreSQL store, {Writes} writes, write -> visible in another store instance's engine (LISTEN/NOTIFY), {Environment.ProcessorCount} cores, .NET {Environment.Version}:");
Console.WriteLine("  write committed: " + Describe(writeCall));
Console.WriteLine("  visible:         " + Describe(fromCall));
return 0;

async Task<(double FromCall, double WriteCall)> WriteAndWaitAsync(int value)
{
    var text = value.ToString(CultureInfo.InvariantCulture);
    await Task.Delay(random.Next(0, 51));
    var clock = Stopwatch.StartNew();
    var result = await writer.WriteAsync(manifest, FlagStoreWrite.Set("search.limit", new FlagOverride { Value = text }, "bench", "propagation"));
    var committed = clock.Elapsed;
    if (!result.Succeeded)
    {
        throw new InvalidOperationException(result.Message);
    }

    // Poll the way an app reads: a flag read, no database access.
    while (limit.Value != value)
    {
        if (clock.Elapsed > TimeSpan.FromSeconds(10))
        {
            throw new TimeoutException($"Write {value} not visible in the other instance after 10 s.");
        }

        Thread.Sleep(1);
    }

    var visible = clock.Elapsed;
    return (visible.TotalMilliseconds, committed.TotalMilliseconds);
}

static string Describe(double[] samples) => string.Format(
    CultureInfo.InvariantCulture,
    "p50 {0:0.0} ms, p90 {1:0.0} ms, p99 {2:0.0} ms, max {3:0.0} ms",
    Percentile(samples, 50),
    Percentile(samples, 90),
    Percentile(samples, 99),
    samples.Max());

static double Percentile(double[] values, int percentile)
{
    var sorted = values.OrderBy(value => value).ToArray();
    var rank = (int)Math.Ceiling(percentile / 100.0 * sorted.Length) - 1;
    return sorted[Math.Clamp(rank, 0, sorted.Length - 1)];
}
