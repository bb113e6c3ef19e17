using System;
using System.Collections.Concurrent;
using System.IO;
using System.Threading;
using Xunit;

namespace TypedFlags.IntegrationTests;

/// <summary>
/// Packs the TypedFlags package once per test run into a temporary local feed, with a version no NuGet
/// cache has seen, and creates consumer projects outside the repository that reference it by version.
/// </summary>
public sealed class PackageFeedFixture : IDisposable
{
    public PackageFeedFixture()
    {
        RepositoryRoot = IntegrationTests.RepositoryRoot.Path;
        WorkRoot = Path.Combine(Path.GetTempPath(), "typedflags-e2e-" + Guid.NewGuid().ToString("N").Substring(0, 8));
        Feed = Path.Combine(WorkRoot, "feed");
        Directory.CreateDirectory(Feed);
        Version = "0.1.0-e2e." + DateTime.UtcNow.ToString("yyyyMMddHHmmss") + "." + Guid.NewGuid().ToString("N").Substring(0, 6);

        var pack = DotNetCli.Run(
            RepositoryRoot,
            TimeSpan.FromMinutes(8),
            "pack", Path.Combine("src", "TypedFlags", "TypedFlags.csproj"), "-c", "Release", "-o", Feed, "-p:Version=" + Version, "-p:ContinuousIntegrationBuild=true");
        if (pack.ExitCode != 0)
        {
            throw new InvalidOperationException("Packing TypedFlags failed: " + pack);
        }

        PackagePath = Path.Combine(Feed, $"TypedFlags.{Version}.nupkg");
        if (!File.Exists(PackagePath))
        {
            throw new InvalidOperationException("Expected package not found: " + PackagePath + "\n" + pack);
        }
    }

    public string RepositoryRoot { get; }

    public string WorkRoot { get; }

    public string Feed { get; }

    public string Version { get; }

    public string PackagePath { get; }

    // One pack per package per run, whichever test class asks first; Lazy makes a second caller wait for the first.
    private readonly ConcurrentDictionary<string, Lazy<string>> _packed = new(StringComparer.Ordinal);

    /// <summary>
    /// Packs another package of the repository (<c>src/{project}/{project}.csproj</c>, e.g. TypedFlags.AspNetCore) into
    /// the feed with the fixture's version, once per run, and returns the .nupkg path. Test classes that need the same
    /// package share the one pack; a failed pack fails every caller with its output.
    /// </summary>
    public string Pack(string project) =>
        _packed.GetOrAdd(project, name => new Lazy<string>(() => PackOnce(name), LazyThreadSafetyMode.ExecutionAndPublication)).Value;

    private string PackOnce(string project)
    {
        var pack = DotNetCli.Run(
            RepositoryRoot,
            TimeSpan.FromMinutes(8),
            "pack", Path.Combine("src", project, project + ".csproj"), "-c", "Release", "-o", Feed, "-p:Version=" + Version, "-p:ContinuousIntegrationBuild=true");
        var package = Path.Combine(Feed, $"{project}.{Version}.nupkg");
        if (pack.ExitCode != 0 || !File.Exists(package))
        {
            throw new InvalidOperationException($"Packing {project} failed or made no {package}: {pack}");
        }

        return package;
    }

    /// <summary>Creates a console project that references TypedFlags from the local feed.</summary>
    public string CreateConsumer(string name, string flagsYaml, string program, string extraProperties = "", string targetFramework = "net10.0", string outputType = "Exe", string extraItems = "", string sdk = "Microsoft.NET.Sdk")
    {
        var directory = Path.Combine(WorkRoot, name);
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="local" value="{Feed}" />
                <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
              </packageSources>
            </configuration>
            """);
        File.WriteAllText(Path.Combine(directory, name + ".csproj"), $"""
            <Project Sdk="{sdk}">
              <PropertyGroup>
                <OutputType>{outputType}</OutputType>
                <TargetFramework>{targetFramework}</TargetFramework>
                <RootNamespace>Consumer.App</RootNamespace>
                {extraProperties}
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="TypedFlags" Version="{Version}" />
                {extraItems}
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(directory, "flags.yaml"), flagsYaml);
        File.WriteAllText(Path.Combine(directory, outputType == "Exe" ? "Program.cs" : "Library.cs"), program);
        return directory;
    }

    public void Dispose()
    {
        TryDelete(WorkRoot);
        var packages = Environment.GetEnvironmentVariable("NUGET_PACKAGES") ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");

        // Other packages are packed into the same feed, with the same version, by the tests that need them (Pack).
        foreach (var id in new[] { "typedflags", "typedflags.aspnetcore", "typedflags.featuremanagement" })
        {
            TryDelete(Path.Combine(packages, id, Version));
        }
    }

    private static void TryDelete(string directory)
    {
        try
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless; never fail a run on cleanup.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

}

[CollectionDefinition(Name)]
public sealed class PackageFeedCollection : ICollectionFixture<PackageFeedFixture>
{
    public const string Name = "Packed TypedFlags feed";
}
