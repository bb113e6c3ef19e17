using System;
using System.Globalization;
using System.IO;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Jobs;
using Microsoft.Extensions.Configuration;
using TypedFlags.Store.Sqlite;

namespace TypedFlags.Benchmarks;

/// <summary>
/// Flag reads with a SQLite flag store attached, beside the same reads without one. The store decides the flags read
/// (a global value for <c>plain</c>, a 50% rollout and a per-target value for <c>targeted</c>), so the reads walk the
/// store's overrides; they must cost what reads without a store cost, with 0 B allocated.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RuntimeMoniker.HostProcess, launchCount: 1, warmupCount: 3, iterationCount: 10, id: "Short")]
public class StoreBenchmarks
{
    private readonly string[] _users = new string[1024];
    private string _directory = null!;
    private SqliteFlagStore _store = null!;
    private BenchmarkFlags _without = null!;
    private BenchmarkFlags _with = null!;
    private BenchmarkFlags _configured = null!;
    private int _next;

    [GlobalSetup]
    public void Setup()
    {
        for (var i = 0; i < _users.Length; i++)
        {
            _users[i] = "user-" + (i * 7919).ToString(CultureInfo.InvariantCulture);
        }

        _directory = Path.Combine(Path.GetTempPath(), "typedflags-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_directory);
        _store = SqliteFlagStore.Open(Path.Combine(_directory, "flags.db"));
        Write("plain", new FlagOverride { Value = "on" });
        Write("targeted", new FlagOverride { Rollout = "50%", Targets = new[] { new FlagTargetOverride(_users[3], "off") } });
        _without = BenchmarkFlags.Create(options: new FlagOptions { EnvironmentVariables = false });
        _with = BenchmarkFlags.Create(options: new FlagOptions { EnvironmentVariables = false, Store = _store });

        // The same overrides from configuration: what the store's reads should cost, since the engine reads both alike.
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new System.Collections.Generic.Dictionary<string, string?>
            {
                ["Flags:plain"] = "on",
                ["Flags:targeted:Rollout"] = "50%",
                ["Flags:targeted:Targets:0:Target"] = _users[3],
                ["Flags:targeted:Targets:0:Value"] = "off",
            })
            .Build();
        _configured = BenchmarkFlags.Create(configuration, new FlagOptions { EnvironmentVariables = false });
        if (!_with.Plain.Evaluate(default).Source.StartsWith("store:sqlite:", StringComparison.Ordinal) || _with.Targeted.IsEnabledFor(_users[3]) || _configured.Targeted.IsEnabledFor(_users[3]))
        {
            throw new InvalidOperationException("Benchmark setup is wrong: the store does not decide the flags.");
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _store.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    [Benchmark(Baseline = true, Description = "no store: bool read, no context")]
    public bool PlainWithout() => _without.Plain.IsEnabled;

    [Benchmark(Description = "SQLite store: bool read, no context")]
    public bool PlainWith() => _with.Plain.IsEnabled;

    [Benchmark(Description = "no store: 50% rollout for a user")]
    public bool TargetedWithout() => _without.Targeted.IsEnabledFor(_users[_next++ & 1023]);

    [Benchmark(Description = "SQLite store: 50% rollout + target for a user")]
    public bool TargetedWith() => _with.Targeted.IsEnabledFor(_users[_next++ & 1023]);

    [Benchmark(Description = "appsettings: 50% rollout + target for a user")]
    public bool TargetedConfigured() => _configured.Targeted.IsEnabledFor(_users[_next++ & 1023]);

    private void Write(string key, FlagOverride value)
    {
        var result = _store.WriteAsync(BenchmarkFlags.Manifest, FlagStoreWrite.Set(key, value, "bench", "setup")).GetAwaiter().GetResult();
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(result.Message);
        }
    }
}
