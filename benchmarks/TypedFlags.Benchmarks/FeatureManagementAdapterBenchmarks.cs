using System;
using System.Collections.Generic;
using System.Globalization;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.FeatureManagement;
using Microsoft.FeatureManagement.FeatureFilters;
using TypedFlags.FeatureManagement;

namespace TypedFlags.Benchmarks;

/// <summary>
/// What a migrated app's <c>IsEnabledAsync</c> and <c>GetVariantAsync</c> calls cost: Microsoft.FeatureManagement 4.7.0
/// over its own configuration, next to TypedFlags.FeatureManagement answering the same interfaces from flags.yaml (the
/// shapes <c>typedflags import</c> writes), and the typed accessor that replaces the call in the end. Same features:
/// a targeting feature (two users, a group at 50%, a 50% default rollout) and a variant feature (a user allocation, a
/// group allocation, a 50/50 percentile split with a seed). Callers rotate through 1,024 ids, a quarter in a group.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 12)]
public class FeatureManagementAdapterBenchmarks
{
    private readonly TargetingContext[] _callers = new TargetingContext[1024];
    private readonly FlagContext[] _contexts = new FlagContext[1024];
    private ServiceProvider _featureManagement = null!;
    private ServiceProvider _adapter = null!;
    private IVariantFeatureManager _microsoft = null!;
    private IVariantFeatureManager _typedFlags = null!;
    private BenchmarkFlags _flags = null!;
    private int _next;

    [GlobalSetup]
    public void Setup()
    {
        for (var i = 0; i < _callers.Length; i++)
        {
            var groups = (i % 4) switch { 0 => new[] { "ring0" }, 1 => new[] { "ring1" }, _ => Array.Empty<string>() };
            var id = "user-" + (i * 7919).ToString(CultureInfo.InvariantCulture);
            _callers[i] = new TargetingContext { UserId = id, Groups = groups };
            _contexts[i] = new FlagContext { TargetingKey = id, Groups = groups };
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["feature_management:feature_flags:0:id"] = "migrated.beta",
            ["feature_management:feature_flags:0:enabled"] = "true",
            ["feature_management:feature_flags:0:conditions:client_filters:0:name"] = "Microsoft.Targeting",
            ["feature_management:feature_flags:0:conditions:client_filters:0:parameters:Audience:Users:0"] = "user-0",
            ["feature_management:feature_flags:0:conditions:client_filters:0:parameters:Audience:Users:1"] = "user-7919",
            ["feature_management:feature_flags:0:conditions:client_filters:0:parameters:Audience:Groups:0:Name"] = "ring1",
            ["feature_management:feature_flags:0:conditions:client_filters:0:parameters:Audience:Groups:0:RolloutPercentage"] = "50",
            ["feature_management:feature_flags:0:conditions:client_filters:0:parameters:Audience:DefaultRolloutPercentage"] = "50",
            ["feature_management:feature_flags:1:id"] = "migrated.layout",
            ["feature_management:feature_flags:1:enabled"] = "true",
            ["feature_management:feature_flags:1:variants:0:name"] = "classic",
            ["feature_management:feature_flags:1:variants:1:name"] = "compact",
            ["feature_management:feature_flags:1:allocation:seed"] = "bench",
            ["feature_management:feature_flags:1:allocation:user:0:variant"] = "compact",
            ["feature_management:feature_flags:1:allocation:user:0:users:0"] = "user-0",
            ["feature_management:feature_flags:1:allocation:group:0:variant"] = "compact",
            ["feature_management:feature_flags:1:allocation:group:0:groups:0"] = "ring0",
            ["feature_management:feature_flags:1:allocation:percentile:0:variant"] = "classic",
            ["feature_management:feature_flags:1:allocation:percentile:0:from"] = "0",
            ["feature_management:feature_flags:1:allocation:percentile:0:to"] = "50",
            ["feature_management:feature_flags:1:allocation:percentile:1:variant"] = "compact",
            ["feature_management:feature_flags:1:allocation:percentile:1:from"] = "50",
            ["feature_management:feature_flags:1:allocation:percentile:1:to"] = "100",
        }).Build();

        var microsoft = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddLogging(l => l.ClearProviders());
        microsoft.AddFeatureManagement();
        _featureManagement = microsoft.BuildServiceProvider();
        _microsoft = _featureManagement.GetRequiredService<IVariantFeatureManager>();

        var adapter = new ServiceCollection().AddSingleton<IConfiguration>(new ConfigurationBuilder().Build()).AddLogging(l => l.ClearProviders());
        adapter.AddTypedFlags<BenchmarkFlags>(o => o.EnvironmentVariables = false);
        adapter.AddTypedFlagsFeatureManagement();
        _adapter = adapter.BuildServiceProvider();
        _typedFlags = _adapter.GetRequiredService<IVariantFeatureManager>();
        _flags = _adapter.GetRequiredService<BenchmarkFlags>();
        Verify();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _featureManagement.Dispose();
        _adapter.Dispose();
    }

    [Benchmark(Baseline = true, Description = "FeatureManagement IsEnabledAsync: targeting")]
    public ValueTask<bool> MicrosoftIsEnabled() => _microsoft.IsEnabledAsync("migrated.beta", _callers[_next++ & 1023]);

    [Benchmark(Description = "adapter IsEnabledAsync: targeting")]
    public ValueTask<bool> AdapterIsEnabled() => _typedFlags.IsEnabledAsync("migrated.beta", _callers[_next++ & 1023]);

    [Benchmark(Description = "typed accessor IsEnabledFor: targeting")]
    public bool TypedIsEnabled() => _flags.MigratedBeta.IsEnabledFor(_contexts[_next++ & 1023]);

    [Benchmark(Description = "FeatureManagement GetVariantAsync: allocation")]
    public ValueTask<Variant> MicrosoftVariant() => _microsoft.GetVariantAsync("migrated.layout", _callers[_next++ & 1023]);

    [Benchmark(Description = "adapter GetVariantAsync: allocation")]
    public ValueTask<Variant> AdapterVariant() => _typedFlags.GetVariantAsync("migrated.layout", _callers[_next++ & 1023]);

    [Benchmark(Description = "typed accessor GetValue: allocation")]
    public MigratedLayout TypedVariant() => _flags.MigratedLayout.GetValue(_contexts[_next++ & 1023]);

    /// <summary>Both sides must enable about half the callers and give every variant to some of them before anything is timed.</summary>
    private void Verify()
    {
        int microsoftOn = 0, adapterOn = 0, microsoftCompact = 0, adapterCompact = 0;
        foreach (var caller in _callers)
        {
            microsoftOn += _microsoft.IsEnabledAsync("migrated.beta", caller).AsTask().GetAwaiter().GetResult() ? 1 : 0;
            adapterOn += _typedFlags.IsEnabledAsync("migrated.beta", caller).AsTask().GetAwaiter().GetResult() ? 1 : 0;
            microsoftCompact += _microsoft.GetVariantAsync("migrated.layout", caller).AsTask().GetAwaiter().GetResult()?.Name == "compact" ? 1 : 0;
            adapterCompact += _typedFlags.GetVariantAsync("migrated.layout", caller).AsTask().GetAwaiter().GetResult()?.Name == "compact" ? 1 : 0;
        }

        foreach (var (name, count) in new[] { ("FeatureManagement on", microsoftOn), ("adapter on", adapterOn), ("FeatureManagement compact", microsoftCompact), ("adapter compact", adapterCompact) })
        {
            if (count is < 300 or > 800)
            {
                throw new InvalidOperationException($"Benchmark setup is wrong: {name} for {count} of 1024 callers.");
            }
        }
    }
}
