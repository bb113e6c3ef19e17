using System;
using System.IO;
using System.IO.Compression;
using System.Linq;
using Xunit;

namespace TypedFlags.IntegrationTests;

/// <summary>
/// The SQLite store ships as its own package (SPEC §1): it depends on TypedFlags (with all of its assets, so the
/// generator comes along) and on Microsoft.Data.Sqlite; the TypedFlags package does not depend on it
/// (<see cref="PackageConsumerTests"/> checks that side).
/// </summary>
public sealed class StorePackageTests : IDisposable
{
    private readonly string _feed = Path.Combine(Path.GetTempPath(), "typedflags-store-pack-" + Guid.NewGuid().ToString("N").Substring(0, 8));

    [Fact]
    public void The_sqlite_store_package_brings_sqlite_and_all_of_TypedFlags()
    {
        var pack = DotNetCli.Run(RepositoryRoot.Path, TimeSpan.FromMinutes(8), "pack", Path.Combine("src", "TypedFlags.Store.Sqlite", "TypedFlags.Store.Sqlite.csproj"), "-c", "Release", "-o", _feed, "-p:Version=0.1.0-storetest");
        Assert.True(pack.ExitCode == 0, pack.ToString());

        using var package = ZipFile.OpenRead(Path.Combine(_feed, "TypedFlags.Store.Sqlite.0.1.0-storetest.nupkg"));
        Assert.Contains("lib/net8.0/TypedFlags.Store.Sqlite.dll", package.Entries.Select(e => e.FullName));
        using var nuspec = new StreamReader(package.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).Open());
        var text = nuspec.ReadToEnd();
        Assert.Contains("<dependency id=\"TypedFlags\" version=\"0.1.0-storetest\" include=\"All\" />", text);
        Assert.Contains("<dependency id=\"Microsoft.Data.Sqlite\" version=\"8.0.30\" exclude=\"Build,Analyzers\" />", text);
        Assert.DoesNotContain("Npgsql", text);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_feed, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp directory must not fail a test.
        }
    }
}
