using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Threading;
using TypedFlags.Store.Sqlite;

namespace TypedFlags.Benchmarks;

/// <summary>
/// Propagation latency of the SQLite store: a write through one store instance until an engine attached to another
/// instance (its own connections, as another process has) reads the new value. Not a BenchmarkDotNet suite: each sample
/// is one write and one wait, and what matters is the distribution. Between writes the harness waits a random 0-400 ms (two poll periods)
/// so writes land at random points of the reader's 200 ms poll.
/// Run: <c>dotnet run -c Release --project benchmarks/TypedFlags.Benchmarks -- store-latency [writes]</c>.
/// </summary>
public static class StoreLatency
{
    public static void Run(int writes)
    {
        var directory = Path.Combine(Path.GetTempPath(), "typedflags-latency-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, "flags.db");
        var random = new Random(15);
        var visible = new double[writes];
        var committed = new double[writes];
        using (var writer = SqliteFlagStore.Open(path))
        using (var reader = SqliteFlagStore.Open(path))
        {
            var flags = BenchmarkFlags.Create(options: new FlagOptions { EnvironmentVariables = false, Store = reader });
            for (var i = 0; i < writes; i++)
            {
                // Alternate the value so every write changes what the reader sees.
                var on = i % 2 == 0;
                Thread.Sleep(random.Next(0, 400));
                var clock = Stopwatch.StartNew();
                var result = writer.WriteAsync(BenchmarkFlags.Manifest, FlagStoreWrite.Set("targeted", new FlagOverride { Value = on ? "on" : "off" }, "latency", "sample " + i)).GetAwaiter().GetResult();
                committed[i] = clock.Elapsed.TotalMilliseconds;
                if (!result.Succeeded)
                {
                    throw new InvalidOperationException(result.Message);
                }

                while (flags.Targeted.IsEnabled != on)
                {
                    if (clock.Elapsed > TimeSpan.FromSeconds(10))
                    {
                        throw new TimeoutException($"write {i} not visible after 10 s");
                    }

                    Thread.Sleep(1);
                }

                visible[i] = clock.Elapsed.TotalMilliseconds;
            }
        }

        Directory.Delete(directory, recursive: true);
        Console.WriteLine($"SQLite store, {writes} writes, write -> visible in another store instance's engine (poll 200 ms):");
        Console.WriteLine("  write committed: " + Describe(committed));
        Console.WriteLine("  visible:         " + Describe(visible));
    }

    private static string Describe(double[] samples)
    {
        var sorted = (double[])samples.Clone();
        Array.Sort(sorted);
        return string.Format(
            CultureInfo.InvariantCulture,
            "p50 {0:0.0} ms, p90 {1:0.0} ms, p99 {2:0.0} ms, max {3:0.0} ms",
            Percentile(sorted, 0.50),
            Percentile(sorted, 0.90),
            Percentile(sorted, 0.99),
            sorted[sorted.Length - 1]);
    }

    private static double Percentile(double[] sorted, double p) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
}
