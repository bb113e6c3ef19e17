using System;
using System.IO;
using System.IO.Compression;
using System.Linq;
using Xunit;

namespace TypedFlags.IntegrationTests;

/// <summary>
/// The package takes the compiler extensions from where the build put them: packing with --artifacts-path (no bin/
/// folders at all) gives the same analyzers/ as packing in place, byte for byte what that build produced.
/// </summary>
[Collection(PackageFeedCollection.Name)] // one pack at a time: they share the machine
public sealed class ArtifactsPathPackTests : IDisposable
{
    private readonly string _artifacts = Path.Combine(Path.GetTempPath(), "typedflags-artifacts-" + Guid.NewGuid().ToString("N").Substring(0, 8));

    [Fact]
    public void Packing_with_artifacts_path_ships_the_analyzer_assemblies_that_build_produced()
    {
        var pack = DotNetCli.Run(
            RepositoryRoot.Path,
            TimeSpan.FromMinutes(8),
            "pack", Path.Combine("src", "TypedFlags", "TypedFlags.csproj"), "--artifacts-path", _artifacts, "-p:ContinuousIntegrationBuild=true");
        Assert.True(pack.ExitCode == 0, pack.ToString());

        // With an artifacts path the package goes there too (artifacts/package/release), not to the repository.
        var packages = Directory.GetFiles(_artifacts, "TypedFlags.*.nupkg", SearchOption.AllDirectories);
        var package = Assert.Single(packages);
        Assert.StartsWith(Path.Combine(_artifacts, "package"), package, StringComparison.Ordinal);

        using var zip = ZipFile.OpenRead(package);
        var analyzers = zip.Entries.Where(e => e.FullName.StartsWith("analyzers/", StringComparison.Ordinal)).Select(e => e.FullName).OrderBy(n => n, StringComparer.Ordinal);
        Assert.Equal(
            new[]
            {
                "analyzers/dotnet/cs/TypedFlags.Cleanup.dll",
                "analyzers/dotnet/cs/TypedFlags.CodeFixes.dll",
                "analyzers/dotnet/cs/TypedFlags.Generators.dll",
                "analyzers/dotnet/cs/TypedFlags.Manifest.dll",
                "analyzers/dotnet/cs/YamlDotNet.dll",
            },
            analyzers);

        // Byte for byte what this build wrote under the artifacts path, so nothing came from a stale bin/ folder.
        AssertPackedFrom(zip, "analyzers/dotnet/cs/TypedFlags.Generators.dll", "TypedFlags.Generators", "release");
        AssertPackedFrom(zip, "analyzers/dotnet/cs/TypedFlags.Manifest.dll", "TypedFlags.Manifest", "release");
        AssertPackedFrom(zip, "analyzers/dotnet/cs/YamlDotNet.dll", "TypedFlags.Generators", "release");
        AssertPackedFrom(zip, "analyzers/dotnet/cs/TypedFlags.CodeFixes.dll", "TypedFlags.CodeFixes", "release");
        AssertPackedFrom(zip, "analyzers/dotnet/cs/TypedFlags.Cleanup.dll", "TypedFlags.Cleanup", "release");
        AssertPackedFrom(zip, "lib/net8.0/TypedFlags.dll", "TypedFlags", "release_net8.0");
        AssertPackedFrom(zip, "lib/netstandard2.0/TypedFlags.dll", "TypedFlags", "release_netstandard2.0");

        // Package validation (EnablePackageValidation) ran on this package: the SDK marks a passed run with this file.
        var validated = Path.Combine(_artifacts, "obj", "TypedFlags", "release", "Microsoft.NET.ApiCompat.ValidatePackage.semaphore");
        Assert.True(File.Exists(validated), "Package validation did not run: no " + validated);
    }

    public void Dispose()
    {
        try
        {
            if (Directory.Exists(_artifacts))
            {
                Directory.Delete(_artifacts, recursive: true);
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

    private void AssertPackedFrom(ZipArchive zip, string entryName, string project, string pivot)
    {
        var built = Path.Combine(_artifacts, "bin", project, pivot, Path.GetFileName(entryName));
        Assert.True(File.Exists(built), "Not built under the artifacts path: " + built);
        var entry = zip.GetEntry(entryName);
        Assert.True(entry is not null, "Not in the package: " + entryName);
        using var packed = new MemoryStream();
        using (var stream = entry!.Open())
        {
            stream.CopyTo(packed);
        }

        Assert.True(packed.ToArray().AsSpan().SequenceEqual(File.ReadAllBytes(built)), $"{entryName} differs from {built}");
    }
}
