using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using TypedFlags.Tests.Infrastructure;
using Xunit;

namespace TypedFlags.Tests.Overrides;

/// <summary>1,000 configuration reloads while 4 threads evaluate: nothing throws, and every read sees one snapshot.</summary>
public sealed class ReloadStormTests
{
    private const int Reloads = 1000;
    private const int Readers = 4;

    [Fact]
    public async Task Readers_never_see_a_mix_of_two_snapshots_and_nothing_throws()
    {
        // child requires parent. Even generations: parent off, child on; odd: parent on, child off. Within one
        // snapshot child is never On, so an On child would mean an evaluation mixed two snapshots.
        var manifest = Declare.Manifest(
            Declare.Bool("storm.parent"),
            Declare.Bool("storm.child", requires: new[] { "storm.parent" }),
            Declare.Int("storm.generation", -1));
        var memory = MemoryConfiguration.Create(Generation(0));
        var logger = new ListLogger();
        var engine = new FlagEngine(manifest, memory.Root, new FlagOptions { EnvironmentName = "Production", Logger = logger });
        var child = engine.BoolAccessor("storm.child");
        var generation = new Flag<int>(engine, manifest.IndexOf("storm.generation"));

        var failures = new ConcurrentQueue<string>();
        var reads = new long[Readers];
        using var stop = new CancellationTokenSource();
        var readers = Enumerable.Range(0, Readers).Select(reader => Task.Factory.StartNew(() =>
        {
            var last = -1;
            var context = new FlagContext { TargetingKey = "user-" + reader, Groups = new[] { "storm" } };
            while (!stop.IsCancellationRequested)
            {
                try
                {
                    if (child.IsEnabledFor(context) || child.IsEnabled)
                    {
                        failures.Enqueue($"reader {reader}: child On, so parent and child came from different snapshots");
                    }

                    var seen = generation.GetValue(context);
                    if (seen < last)
                    {
                        failures.Enqueue($"reader {reader}: generation went back from {last} to {seen}");
                    }

                    last = seen;
                    reads[reader]++;
                }
                catch (Exception exception)
                {
                    failures.Enqueue($"reader {reader}: {exception}");
                }
            }
        }, TaskCreationOptions.LongRunning)).ToArray();

        // The storm starts once every reader is reading.
        Assert.True(SpinWait.SpinUntil(() => reads.All(count => Volatile.Read(ref count) > 0), TimeSpan.FromSeconds(30)));
        for (var i = 1; i <= Reloads; i++)
        {
            foreach (var (key, value) in Generation(i))
            {
                memory.Set(key, value);
            }

            // Every tenth reload carries a bad value: it is logged, and the last good generation stays.
            if (i % 10 == 0)
            {
                memory.Set("Flags:storm.generation", "not-a-number");
            }

            memory.Reload();
        }

        stop.Cancel();
        await Task.WhenAll(readers);

        Assert.Empty(failures);
        Assert.All(reads, count => Assert.True(count > 0));
        Assert.Equal(Reloads - 1, generation.Value);
        Assert.Single(logger.Entries);
    }

    private static Dictionary<string, string?> Generation(int i) => new()
    {
        ["Flags:storm.parent"] = i % 2 == 1 ? "on" : "off",
        ["Flags:storm.child"] = i % 2 == 1 ? "off" : "on",
        ["Flags:storm.generation"] = i.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
