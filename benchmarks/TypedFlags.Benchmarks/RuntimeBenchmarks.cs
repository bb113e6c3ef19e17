using System.Collections.Generic;
using System.Globalization;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.FeatureManagement;
using Microsoft.FeatureManagement.FeatureFilters;

namespace TypedFlags.Benchmarks;

/// <summary>
/// Flag reads, TypedFlags (generated accessors over flags.yaml) side by side with Microsoft.FeatureManagement 4.7.0
/// configured with the same two flags: a plain flag that is on, and a targeting filter at 50%. User ids rotate
/// through 1,024 values so neither library is measured on one cached key.
/// </summary>
[MemoryDiagnoser]
public class RuntimeBenchmarks
{
    private readonly string[] _users = new string[1024];
    private BenchmarkFlags _flags = null!;
    private BenchmarkFlags _instrumented = null!;
    private IFeatureManager _featureManager = null!;
    private TargetingContext[] _targetingContexts = null!;
    private int _next;

    [GlobalSetup]
    public void Setup()
    {
        for (var i = 0; i < _users.Length; i++)
        {
            _users[i] = "user-" + (i * 7919).ToString(CultureInfo.InvariantCulture);
        }

        _targetingContexts = new TargetingContext[_users.Length];
        for (var i = 0; i < _users.Length; i++)
        {
            _targetingContexts[i] = new TargetingContext { UserId = _users[i] };
        }

        _flags = BenchmarkFlags.Create();
        _instrumented = BenchmarkFlags.Create(options: new FlagOptions { Telemetry = true });

        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["FeatureManagement:plain"] = "true",
                ["FeatureManagement:targeted:EnabledFor:0:Name"] = "Microsoft.Targeting",
                ["FeatureManagement:targeted:EnabledFor:0:Parameters:Audience:DefaultRolloutPercentage"] = "50",
            })
            .Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddFeatureManagement();
        _featureManager = services.BuildServiceProvider().GetRequiredService<IFeatureManager>();
        Verify();
    }

    /// <summary>Both sides must compute what they claim (on, and about half of the users), or the comparison is void.</summary>
    private void Verify()
    {
        var typedFlags = 0;
        var featureManagement = 0;
        for (var i = 0; i < _users.Length; i++)
        {
            typedFlags += _flags.Targeted.IsEnabledFor(_users[i]) ? 1 : 0;
            featureManagement += _featureManager.IsEnabledAsync("targeted", _targetingContexts[i]).GetAwaiter().GetResult() ? 1 : 0;
        }

        if (!_flags.Plain.IsEnabled || !_featureManager.IsEnabledAsync("plain").GetAwaiter().GetResult()
            || typedFlags is < 400 or > 624 || featureManagement is < 400 or > 624)
        {
            throw new System.InvalidOperationException($"Benchmark setup is wrong: TypedFlags {typedFlags}/1024, FeatureManagement {featureManagement}/1024 targeted.");
        }
    }

    [Benchmark(Description = "TypedFlags: bool read, no context")]
    public bool TypedFlagsPlain() => _flags.Plain.IsEnabled;

    [Benchmark(Description = "TypedFlags: 50% rollout for a user")]
    public bool TypedFlagsTargeted() => _flags.Targeted.IsEnabledFor(_users[_next++ & 1023]);

    [Benchmark(Description = "TypedFlags: 50% rollout, telemetry on, no listener")]
    public bool TypedFlagsTargetedInstrumented() => _instrumented.Targeted.IsEnabledFor(_users[_next++ & 1023]);

    [Benchmark(Description = "FeatureManagement: IsEnabledAsync plain")]
    public Task<bool> FeatureManagementPlain() => _featureManager.IsEnabledAsync("plain");

    [Benchmark(Description = "FeatureManagement: targeting filter 50%")]
    public Task<bool> FeatureManagementTargeted() => _featureManager.IsEnabledAsync("targeted", _targetingContexts[_next++ & 1023]);
}
