using System;

namespace TypedFlags.Cli;

/// <summary>Entry point of the <c>typedflags</c> tool.</summary>
internal static class Program
{
    private static int Main(string[] args)
    {
        var rich = CliConsole.IsRich(Console.IsOutputRedirected, Environment.GetEnvironmentVariable("NO_COLOR"));
        return CliApp.Run(args, new CliConsole(Console.Out, Console.Error, rich));
    }
}
