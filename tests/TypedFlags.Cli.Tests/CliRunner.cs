using System.IO;
using TypedFlags.Cli;

namespace TypedFlags.Cli.Tests;

/// <summary>What one in-process run of the tool printed and returned.</summary>
internal sealed record CliResult(int ExitCode, string Out, string Error);

/// <summary>Runs the real command tree with captured, plain-text (redirected) output.</summary>
internal static class CliRunner
{
    public static CliResult Run(params string[] args)
    {
        var output = new StringWriter { NewLine = "\n" };
        var error = new StringWriter { NewLine = "\n" };
        var exitCode = CliApp.Run(args, new CliConsole(output, error, Rich: false));
        return new CliResult(exitCode, output.ToString(), error.ToString());
    }

    /// <summary>Runs with <paramref name="environment"/> as the process environment the tool sees (TYPEDFLAGS_STORE).</summary>
    public static CliResult RunWithEnvironment(System.Func<string, string?> environment, params string[] args)
    {
        var output = new StringWriter { NewLine = "\n" };
        var error = new StringWriter { NewLine = "\n" };
        var exitCode = CliApp.Run(args, new CliConsole(output, error, Rich: false) { GetEnvironmentVariable = environment });
        return new CliResult(exitCode, output.ToString(), error.ToString());
    }
}
