using System;

namespace TypedFlags.Cli;

/// <summary>Entry point of the <c>typedflags</c> tool.</summary>
internal static class Program
{
    private static int Main(string[] args)
    {
        // https://no-color.org: any non-empty NO_COLOR turns colour off; redirected output is never decorated.
        var rich = !Console.IsOutputRedirected && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR"));
        return CliApp.Run(args, new CliConsole(Console.Out, Console.Error, rich));
    }
}
