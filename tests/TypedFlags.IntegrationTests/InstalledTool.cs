using System;
using System.IO;
using System.Threading;

namespace TypedFlags.IntegrationTests;

/// <summary>
/// The typedflags tool as a user gets it: TypedFlags.Cli packed to a local feed with a version no feed has, and installed
/// with <c>dotnet tool install --tool-path</c>. Packed once per test run (a Release pack takes most of a minute on two
/// cores) and shared by every test that runs the tool; removed with its NuGet cache entry when the test process exits.
/// </summary>
internal static class InstalledTool
{
    private static readonly Lazy<string> Installed = new(Install, LazyThreadSafetyMode.ExecutionAndPublication);

    private static readonly string WorkRoot = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "typedflags-tool-" + Guid.NewGuid().ToString("N").Substring(0, 8));

    private static readonly string Version = "0.1.0-e2e." + DateTime.UtcNow.ToString("yyyyMMddHHmmss") + "." + Guid.NewGuid().ToString("N").Substring(0, 6);

    /// <summary>The installed command's path; packs and installs it on first use.</summary>
    public static string Path => Installed.Value;

    private static string Install()
    {
        var feed = System.IO.Path.Combine(WorkRoot, "feed");
        var tools = System.IO.Path.Combine(WorkRoot, "tools");
        var pack = DotNetCli.Run(RepositoryRoot.Path, TimeSpan.FromMinutes(8), "pack", System.IO.Path.Combine("src", "TypedFlags.Cli", "TypedFlags.Cli.csproj"), "-c", "Release", "-o", feed, "-p:Version=" + Version);
        if (pack.ExitCode != 0)
        {
            throw new InvalidOperationException("Packing TypedFlags.Cli failed: " + pack);
        }

        var install = DotNetCli.Run(WorkRoot, "tool", "install", "--tool-path", tools, "TypedFlags.Cli", "--add-source", feed, "--version", Version);
        if (install.ExitCode != 0)
        {
            throw new InvalidOperationException("Installing TypedFlags.Cli failed: " + install);
        }

        AppDomain.CurrentDomain.ProcessExit += (_, _) => Remove();
        return System.IO.Path.Combine(tools, OperatingSystem.IsWindows() ? "typedflags.exe" : "typedflags");
    }

    private static void Remove()
    {
        try
        {
            Directory.Delete(WorkRoot, recursive: true);
            var cached = System.IO.Path.Combine(
                Environment.GetEnvironmentVariable("NUGET_PACKAGES") ?? System.IO.Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages"),
                "typedflags.cli",
                Version);
            if (Directory.Exists(cached))
            {
                Directory.Delete(cached, recursive: true);
            }
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless; never fail a run on cleanup.
        }
    }
}
