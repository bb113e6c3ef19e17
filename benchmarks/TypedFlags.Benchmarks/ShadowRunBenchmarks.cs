using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;

namespace TypedFlags.Benchmarks;

/// <summary>
/// What a shadow run adds to a path, per mode, against calling the path directly: <c>flag.Run(context, state, control,
/// candidate)</c> with static lambdas (the allocation-free form), for a flag that is off, on and in shadow, and the
/// asynchronous form. The path sums 32 invoice lines, so it is real work the JIT cannot fold away but short enough that the
/// overhead shows. No listener, logger or observer is attached: the cost measured is the library's own.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 12)]
public class ShadowRunBenchmarks
{
    private static readonly ShadowRunOptions<long> OnePercent = new() { SampleRate = 0.01 };

    private readonly long[] _lines = new long[32];
    private BenchmarkFlags _flags = null!;
    private FlagContext _context;

    [GlobalSetup]
    public void Setup()
    {
        for (var i = 0; i < _lines.Length; i++)
        {
            _lines[i] = 1_000 + (i * 37);
        }

        _flags = BenchmarkFlags.Create();
        _context = new FlagContext { TargetingKey = "user-42", Tenant = "acme" };
        if (_flags.ShadowOff.Evaluate(_context).Mode != FlagMode.Off || _flags.ShadowOn.Evaluate(_context).Mode != FlagMode.On
            || _flags.ShadowBoth.Evaluate(_context).Mode != FlagMode.Shadow)
        {
            throw new System.InvalidOperationException("Benchmark setup is wrong: the shadow.* flags must be off, on and shadow.");
        }
    }

    [Benchmark(Baseline = true, Description = "path called directly")]
    public long Direct() => Total(_lines);

    [Benchmark(Description = "IsEnabledFor + if (hand-written)")]
    public long HandWritten() => _flags.ShadowOff.IsEnabledFor(_context) ? Total(_lines) + 1 : Total(_lines);

    [Benchmark(Description = "Run, flag off (control)")]
    public long Off() => _flags.ShadowOff.Run(_context, _lines, static l => Total(l), static (l, _) => Total(l) + 1);

    [Benchmark(Description = "Run, flag on (candidate)")]
    public long On() => _flags.ShadowOn.Run(_context, _lines, static l => Total(l), static (l, _) => Total(l) + 1);

    [Benchmark(Description = "Run, shadow (both, compared)")]
    public long Shadow() => _flags.ShadowBoth.Run(_context, _lines, static l => Total(l), static (l, _) => Total(l));

    [Benchmark(Description = "Run, shadow sampled at 1%")]
    public long ShadowSampled() => _flags.ShadowBoth.Run(_context, _lines, static l => Total(l), static (l, _) => Total(l), OnePercent);

    [Benchmark(Description = "async: path called directly")]
    public ValueTask<long> DirectAsync() => new(Total(_lines));

    [Benchmark(Description = "RunAsync, flag off (control)")]
    public ValueTask<long> OffAsync() => _flags.ShadowOff.RunAsync(_context, _lines, static l => new ValueTask<long>(Total(l)), static (l, _) => new ValueTask<long>(Total(l) + 1));

    [Benchmark(Description = "RunAsync, shadow (both, compared)")]
    public ValueTask<long> ShadowAsync() => _flags.ShadowBoth.RunAsync(_context, _lines, static l => new ValueTask<long>(Total(l)), static (l, _) => new ValueTask<long>(Total(l)));

    private static long Total(long[] lines)
    {
        long total = 0;
        foreach (var line in lines)
        {
            total += line;
        }

        return total;
    }
}
