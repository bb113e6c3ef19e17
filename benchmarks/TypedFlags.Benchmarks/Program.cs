using BenchmarkDotNet.Running;

namespace TypedFlags.Benchmarks;

/// <summary>
/// Entry point: <c>dotnet run -c Release --project benchmarks/TypedFlags.Benchmarks -- --filter '*'</c>, or
/// <c>-- store-latency [writes]</c> for the flag store's propagation latency (<see cref="StoreLatency"/>).
/// </summary>
public static class Program
{
    public static void Main(string[] args)
    {
        // The flag store's propagation latency is a distribution of single waits, measured by its own harness.
        if (args.Length > 0 && args[0] == "store-latency")
        {
            StoreLatency.Run(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 200);
            return;
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
    }
}
