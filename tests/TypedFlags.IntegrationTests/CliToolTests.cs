using System;
using System.IO;
using Xunit;

namespace TypedFlags.IntegrationTests;

/// <summary>
/// The typedflags tool as a user gets it: packed to a local feed, installed with <c>dotnet tool install --tool-path</c>,
/// and run as its own command against the console sample (with a path, and from the sample's directory without one).
/// </summary>
public sealed class CliToolTests : IDisposable
{
    private readonly string _workRoot = Path.Combine(Path.GetTempPath(), "typedflags-cli-e2e-" + Guid.NewGuid().ToString("N").Substring(0, 8));

    // A version no feed has, so the install can only come from the package packed here.
    private readonly string _version = "0.1.0-e2e." + DateTime.UtcNow.ToString("yyyyMMddHHmmss") + "." + Guid.NewGuid().ToString("N").Substring(0, 6);

    [Fact]
    public void The_installed_tool_validates_and_lists_the_console_sample()
    {
        var feed = Path.Combine(_workRoot, "feed");
        var tools = Path.Combine(_workRoot, "tools");
        var pack = DotNetCli.Run(RepositoryRoot.Path, "pack", Path.Combine("src", "TypedFlags.Cli", "TypedFlags.Cli.csproj"), "-c", "Release", "-o", feed, "-p:Version=" + _version);
        Assert.True(pack.ExitCode == 0, pack.ToString());

        var install = DotNetCli.Run(_workRoot, "tool", "install", "--tool-path", tools, "TypedFlags.Cli", "--add-source", feed, "--version", _version);
        Assert.True(install.ExitCode == 0, install.ToString());

        var tool = Path.Combine(tools, OperatingSystem.IsWindows() ? "typedflags.exe" : "typedflags");
        var sample = Path.Combine("samples", "TypedFlags.Samples.Console", "flags.yaml");

        var validate = DotNetCli.RunProgram(tool, RepositoryRoot.Path, TimeSpan.FromMinutes(1), environment: null, "validate", sample);
        Assert.True(validate.ExitCode == 0, validate.ToString());
        Assert.Contains("1 file(s), 13 flag(s): no errors.", validate.Output);

        var list = DotNetCli.RunProgram(tool, RepositoryRoot.Path, TimeSpan.FromMinutes(1), environment: null, "list", sample, "--today", "2026-12-01");
        Assert.True(list.ExitCode == 0, list.ToString());
        Assert.Contains("invoices.write", list.Output);
        Assert.Contains("VITE_PAYMENTS_SEPA_DIRECT_DEBIT", list.Output);
        Assert.Contains("BILLING_READ_ONLY", list.Output);
        Assert.Contains("launched, past lifetime", list.Output);

        // Without PATH the tool reads ./flags.yaml, and says so when there is none.
        var here = DotNetCli.RunProgram(tool, Path.Combine(RepositoryRoot.Path, "samples", "TypedFlags.Samples.Console"), TimeSpan.FromMinutes(1), environment: null, "validate");
        Assert.True(here.ExitCode == 0, here.ToString());
        var nowhere = DotNetCli.RunProgram(tool, _workRoot, TimeSpan.FromMinutes(1), environment: null, "validate");
        Assert.Equal(1, nowhere.ExitCode);
        Assert.Contains("typedflags: no flags.yaml in the current directory", nowhere.Output);
        Assert.DoesNotContain("   at ", nowhere.Output);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_workRoot, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless; never fail a run on cleanup.
        }

        var cached = Path.Combine(
            Environment.GetEnvironmentVariable("NUGET_PACKAGES") ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages"),
            "typedflags.cli",
            _version);
        if (Directory.Exists(cached))
        {
            Directory.Delete(cached, recursive: true);
        }
    }
}
