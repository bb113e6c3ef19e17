using System;
using System.Collections.Generic;
using System.IO;
using System.Text.RegularExpressions;
using Xunit;

namespace TypedFlags.IntegrationTests;

/// <summary>
/// The README's sample command works, prints values with reasons from flags.yaml, appsettings.json and an
/// environment variable, and the same sample published with NativeAOT prints exactly the same, without a trim or
/// AOT warning.
/// </summary>
public sealed class SampleTests
{
    private static readonly Dictionary<string, string?> Variables = new() { ["VITE_PERSONAS_V2"] = "on", ["DOTNET_ENVIRONMENT"] = null, ["ASPNETCORE_ENVIRONMENT"] = null };

    private static string SampleProject => Path.Combine(RepositoryRoot.Path, "samples", "TypedFlags.Samples.Console");

    [Fact]
    public void The_console_sample_prints_each_flag_with_its_reason_and_source()
    {
        var output = RunWithDotNet();

        var production = Section(output, "== Production (flags.yaml only) ==");
        var development = Section(output, "== Development (flags.yaml only) ==");
        var overridden = Section(output, "== Production with appsettings.json and environment variables ==");

        // Declared deny (tenant:bigcorp) beats the beta phase; allow (alice) beats it in production.
        Assert.Contains("-- bob@bigcorp\n   invoices.read                              On (Phase)\n   invoices.write                             Off (TargetingMatch)", production);
        Assert.Contains("-- alice\n   invoices.read                              On (Phase)\n   invoices.write                             On (TargetingMatch)", production);
        Assert.Contains("unified_workflow_read                      Off (Default)", production);
        Assert.Contains("unified_workflow_read                      On (Environment)", development);
        Assert.Contains("sessionPersistence.phase2.enhancedStorage  Shadow (Default)", production);
        Assert.Contains("search.max_results                         500 (Environment)", development);
        Assert.Contains("support.banner_text                        \"All systems operational\" (Default)", production);
        Assert.Contains("personas_v2                                Off (Phase)", production);

        // appsettings.json: a kill, a per-target value that beats the declared deny, a tenant target with expiry,
        // a per-tenant int, a global string; the environment variable VITE_PERSONAS_V2.
        Assert.Contains("exports.pdf_v3                             Off (Killed) from config:Flags:exports.pdf_v3", overridden);
        Assert.Contains("-- bob@bigcorp\n   invoices.read                              On (Phase)\n   invoices.write                             On (TargetingMatch) from config:Flags:invoices.write:Targets:bob", overridden);
        Assert.Contains("invoices.write                             Shadow (TargetingMatch) from config:Flags:invoices.write:Targets:tenant:globex", overridden);
        Assert.Contains("search.max_results                         1000 (TargetingMatch) from config:Flags:search.max_results:Targets:tenant:acme", overridden);
        Assert.Contains("support.banner_text                        \"Maintenance on Saturday 02:00-04:00 UTC\" (Override) from config:Flags:support.banner_text", overridden);
        Assert.Contains("personas_v2                                On (Override) from env:VITE_PERSONAS_V2", overridden);
    }

    [Fact]
    public void The_sample_published_with_NativeAOT_has_no_warnings_and_prints_the_same_as_the_JIT_run()
    {
        // The test installs nothing: ./build.sh sets the machine up, and its check names what is missing and the command.
        var toolchain = DotNetCli.RunProgram("bash", RepositoryRoot.Path, TimeSpan.FromMinutes(1), null, Path.Combine(RepositoryRoot.Path, "build.sh"), "check");
        Assert.True(toolchain.ExitCode == 0, "NativeAOT needs a C toolchain and zlib's headers: run ./build.sh prerequisites (./build.sh test does it too).\n" + toolchain);

        // Its own artifacts folder: the repository's bin/obj stay as the solution build left them.
        var artifacts = Directory.CreateTempSubdirectory("typedflags-aot-");
        try
        {
            var publish = DotNetCli.Run(RepositoryRoot.Path, TimeSpan.FromMinutes(10), "publish", SampleProject, "-c", "Release", "-r", "linux-x64", "--artifacts-path", artifacts.FullName);
            Assert.True(publish.ExitCode == 0, publish.ToString());
            Assert.Contains("Generating native code", publish.Output);
            Assert.DoesNotMatch(new Regex(@"warning [A-Z]+\d+"), publish.Output);

            var native = Path.Combine(artifacts.FullName, "publish", "TypedFlags.Samples.Console", "release_linux-x64", "TypedFlags.Samples.Console");
            Assert.True(File.Exists(native), $"no native executable at {native}");
            Assert.False(File.Exists(Path.ChangeExtension(native, ".dll")), "the publish folder holds IL, not a native image");
            var run = DotNetCli.RunProgram(native, Path.GetDirectoryName(native)!, TimeSpan.FromMinutes(2), Variables);
            Assert.True(run.ExitCode == 0, run.ToString());

            Assert.Equal(RunWithDotNet(), run.Output.Replace("\r", string.Empty));
        }
        finally
        {
            artifacts.Delete(recursive: true);
        }
    }

    private static string RunWithDotNet()
    {
        var run = DotNetCli.RunProgram("dotnet", RepositoryRoot.Path, TimeSpan.FromMinutes(5), Variables, "run", "--project", SampleProject);
        Assert.True(run.ExitCode == 0, run.ToString());
        return run.Output.Replace("\r", string.Empty);
    }

    private static string Section(string output, string title)
    {
        var start = output.IndexOf(title, StringComparison.Ordinal);
        Assert.True(start >= 0, $"no section '{title}' in:\n{output}");
        var end = output.IndexOf("\n== ", start + title.Length, StringComparison.Ordinal);
        return end < 0 ? output.Substring(start) : output.Substring(start, end - start);
    }
}
