using System;

namespace TypedFlags.Cli;

/// <summary>Entry point of the <c>typedflags</c> tool.</summary>
internal static class Program
{
    private static int Main(string[] args)
    {
        var noColor = Environment.GetEnvironmentVariable("NO_COLOR");
        var rich = CliConsole.IsRich(Console.IsOutputRedirected, noColor);
        return CliApp.Run(args, new CliConsole(Console.Out, Console.Error, rich) { ErrorRich = CliConsole.IsRich(Console.IsErrorRedirected, noColor) });
    }
}
