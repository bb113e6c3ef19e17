using System;
using System.Diagnostics;
using System.IO;
using System.Text;
using System.Threading;
using Xunit;

namespace TypedFlags.IntegrationTests;

/// <summary>
/// docs/store.md's demo, as two processes: the store sample runs and watches a SQLite file, the typedflags tool sets a
/// flag in it, and the running sample prints the new value with the store as its source.
/// </summary>
public sealed class StoreSampleTests : IDisposable
{
    private readonly string _workRoot = Path.Combine(Path.GetTempPath(), "typedflags-store-e2e-" + Guid.NewGuid().ToString("N").Substring(0, 8));

    [Fact]
    public void A_flag_set_with_the_tool_reaches_the_running_sample()
    {
        var artifacts = Path.Combine(_workRoot, "artifacts");
        var sampleDirectory = Path.Combine(RepositoryRoot.Path, "samples", "TypedFlags.Samples.Store");
        foreach (var project in new[] { Path.Combine(sampleDirectory, "TypedFlags.Samples.Store.csproj"), Path.Combine(RepositoryRoot.Path, "src", "TypedFlags.Cli", "TypedFlags.Cli.csproj") })
        {
            var build = DotNetCli.Run(RepositoryRoot.Path, TimeSpan.FromMinutes(8), "build", project, "--artifacts-path", artifacts);
            Assert.True(build.ExitCode == 0, build.ToString());
        }

        var database = Path.Combine(_workRoot, "flags.db");
        var output = new StringBuilder();
        var start = new ProcessStartInfo("dotnet") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = _workRoot };
        start.ArgumentList.Add(Path.Combine(artifacts, "bin", "TypedFlags.Samples.Store", "debug", "TypedFlags.Samples.Store.dll"));
        start.ArgumentList.Add(database);
        using var sample = Process.Start(start)!;
        sample.OutputDataReceived += (_, e) => { if (e.Data is not null) { lock (output) { output.AppendLine(e.Data); } } };
        sample.ErrorDataReceived += (_, e) => { if (e.Data is not null) { lock (output) { output.AppendLine(e.Data); } } };
        sample.BeginOutputReadLine();
        sample.BeginErrorReadLine();
        try
        {
            Assert.True(WaitFor(output, "checkout.express = Off (Default) from flags.yaml"), "the sample did not start:\n" + output);

            var set = DotNetCli.RunProgram(
                "dotnet",
                _workRoot,
                TimeSpan.FromMinutes(2),
                null,
                Path.Combine(artifacts, "bin", "TypedFlags.Cli", "debug", "TypedFlags.Cli.dll"),
                "set", "checkout.express", "on", "--store", "sqlite:" + database, "--manifest", Path.Combine(sampleDirectory, "flags.yaml"), "--reason", "end-to-end test", "--actor", "ci");
            Assert.True(set.ExitCode == 0, set.ToString());

            Assert.True(WaitFor(output, "checkout.express = On (Override) from store:sqlite:" + database), "the sample did not apply the change:\n" + output);
            Assert.Contains("search.max_results = 50 (Default) from flags.yaml", Snapshot(output));
        }
        finally
        {
            sample.StandardInput.Close();
            if (!sample.WaitForExit(10_000))
            {
                sample.Kill(entireProcessTree: true);
            }
        }

        Assert.Equal(0, sample.ExitCode);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_workRoot, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp directory must not fail a test.
        }
    }

    private static bool WaitFor(StringBuilder output, string text) =>
        SpinWait.SpinUntil(() => Snapshot(output).Contains(text, StringComparison.Ordinal), TimeSpan.FromSeconds(30));

    private static string Snapshot(StringBuilder output)
    {
        lock (output)
        {
            return output.ToString().Replace("\r", string.Empty);
        }
    }
}
