using System;
using System.ComponentModel;
using System.Diagnostics;
using System.Threading.Tasks;

namespace TypedFlags.Manifest.Tests.Infrastructure;

/// <summary>Runs a command and captures its output (both streams read concurrently, so neither can block).</summary>
internal static class ProcessRunner
{
    public static (int ExitCode, string Output, string Error) Run(string fileName, string[] arguments, string workingDirectory, TimeSpan timeout)
    {
        var info = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            CreateNoWindow = true,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(info) ?? throw new InvalidOperationException($"'{fileName}' did not start.");
        }
        catch (Win32Exception ex)
        {
            throw new InvalidOperationException(
                $"'{fileName}' could not be started ({ex.Message}). The flags.schema.json tests need Node.js 18 or later (node and npm on PATH).", ex);
        }

        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(timeout))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"'{fileName} {string.Join(' ', arguments)}' did not finish within {timeout}.");
            }

            Task.WaitAll(output, error);
            return (process.ExitCode, output.Result, error.Result);
        }
    }
}
