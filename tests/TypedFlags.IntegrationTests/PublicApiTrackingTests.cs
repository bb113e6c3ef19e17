using System.IO;
using System.Linq;
using System.Xml.Linq;
using Xunit;

namespace TypedFlags.IntegrationTests;

/// <summary>
/// Every library package an app references tracks its public API in PublicAPI.*.txt through the PublicApiAnalyzers, so
/// a change to the surface shows in review. The tool (an executable), the generator, analyzers and code fixes (loaded by
/// the compiler, never referenced) and the shared manifest library (compiled into those) have no public API to track.
/// </summary>
public sealed class PublicApiTrackingTests
{
    private static readonly string[] NotReferencedByApps =
    {
        "TypedFlags.Cli", "TypedFlags.Generators", "TypedFlags.CodeFixes", "TypedFlags.Cleanup", "TypedFlags.Manifest",
    };

    [Fact]
    public void Every_library_package_tracks_its_public_api()
    {
        var libraries = Directory.EnumerateFiles(Path.Combine(RepositoryRoot.Path, "src"), "*.csproj", SearchOption.AllDirectories)
            .Where(p => !NotReferencedByApps.Contains(Path.GetFileNameWithoutExtension(p)))
            .ToList();
        Assert.Contains(libraries, p => p.EndsWith("TypedFlags.Store.PostgreSql.csproj", System.StringComparison.Ordinal));

        foreach (var project in libraries)
        {
            var document = XDocument.Load(project);
            var name = Path.GetFileNameWithoutExtension(project);
            Assert.True(document.Descendants("PackageReference").Any(r => (string?)r.Attribute("Include") == "Microsoft.CodeAnalysis.PublicApiAnalyzers"), name + " does not reference the PublicApiAnalyzers");
            foreach (var file in new[] { "PublicAPI.Shipped.txt", "PublicAPI.Unshipped.txt" })
            {
                Assert.True(File.Exists(Path.Combine(Path.GetDirectoryName(project)!, file)), $"{name} has no {file}");
                Assert.True(document.Descendants("AdditionalFiles").Any(a => (string?)a.Attribute("Include") == file), $"{name} does not give {file} to the analyzers");
            }
        }
    }
}
