using System;

namespace TypedFlags.Tests.Infrastructure;

/// <summary>
/// Bytes a piece of code allocates, by the current thread's allocation counter: 1,000 warm-up calls first (JIT tiers,
/// lazy caches), then <see cref="Iterations"/> measured calls whose results feed a sink so nothing is optimized away.
/// Shared by the runtime, store and shadow-run allocation tests.
/// </summary>
internal static class AllocationCounter
{
    /// <summary>The measured calls.</summary>
    public const int Iterations = 20_000;

    /// <summary>What <see cref="Iterations"/> calls of <paramref name="read"/> (given the call's index) allocate in total.</summary>
    public static long Measure(Func<int, int> read)
    {
        var sink = 0;
        for (var i = 0; i < 1000; i++)
        {
            sink += read(i);
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < Iterations; i++)
        {
            sink += read(i);
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        GC.KeepAlive(sink);
        return allocated;
    }
}
