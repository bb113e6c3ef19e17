using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace TypedFlags.IntegrationTests;

/// <summary>Runs the dotnet CLI as a child process and captures what it prints.</summary>
internal static class DotNetCli
{
    public static CliResult Run(string workingDirectory, params string[] arguments) => Run(workingDirectory, TimeSpan.FromMinutes(5), arguments);

    public static CliResult Run(string workingDirectory, TimeSpan timeout, params string[] arguments)
    {
        if (!BuildsInTheRepository(workingDirectory, arguments))
        {
            return RunProgram("dotnet", workingDirectory, timeout, environment: null, arguments);
        }

        // Test classes run in parallel, and a pack or publish of any package builds the repository's shared projects
        // (TypedFlags, TypedFlags.Manifest, ...) into their own bin/Release: two at once race over the same files (the
        // race that failed a clean-clone CI run in the solution build). Builds in the repository take turns; consumer
        // projects in temporary folders, and builds with their own --artifacts-path, still run side by side.
        RepositoryBuilds.Wait();
        try
        {
            return RunProgram("dotnet", workingDirectory, timeout, environment: null, arguments);
        }
        finally
        {
            RepositoryBuilds.Release();
        }
    }

    private static readonly SemaphoreSlim RepositoryBuilds = new(1, 1);

    private static bool BuildsInTheRepository(string workingDirectory, string[] arguments) =>
        arguments.Length > 0
        && arguments[0] is "build" or "pack" or "publish"
        && Array.IndexOf(arguments, "--artifacts-path") < 0
        && Path.GetFullPath(workingDirectory).StartsWith(RepositoryRoot.Path, StringComparison.Ordinal);

    /// <summary>Runs <paramref name="fileName"/> with the variables in <paramref name="environment"/> set (null values removed).</summary>
    public static CliResult RunProgram(string fileName, string workingDirectory, TimeSpan timeout, IReadOnlyDictionary<string, string?>? environment, params string[] arguments)
    {
        var start = StartInfo(fileName, workingDirectory, environment, arguments);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start " + fileName);
        var output = new StringBuilder();
        var gate = new object();
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { lock (gate) { output.AppendLine(e.Data); } } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { lock (gate) { output.AppendLine(e.Data); } } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit((int)timeout.TotalMilliseconds))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{fileName} {string.Join(' ', arguments)} did not finish in {timeout}:\n{output}");
        }

        process.WaitForExit();
        return new CliResult(process.ExitCode, output.ToString(), $"{fileName} {string.Join(' ', arguments)}");
    }

    /// <summary>
    /// A child process with redirected output, independent of the test host's MSBuild and of long-lived build servers,
    /// with the variables in <paramref name="environment"/> set (null values removed). WebServer starts the samples with it too.
    /// </summary>
    public static ProcessStartInfo StartInfo(string fileName, string workingDirectory, IReadOnlyDictionary<string, string?>? environment, IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["MSBuildSDKsPath"] = null;
        start.Environment["MSBUILD_EXE_PATH"] = null;
        start.Environment["MSBuildExtensionsPath"] = null;
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        start.Environment["UseSharedCompilation"] = "false";
        foreach (var variable in environment ?? new Dictionary<string, string?>())
        {
            start.Environment[variable.Key] = variable.Value;
        }

        return start;
    }
}

/// <summary>Exit code and combined output of a CLI run.</summary>
internal sealed record CliResult(int ExitCode, string Output, string Command)
{
    public override string ToString() => $"{Command} exited with {ExitCode}:\n{Output}";
}
