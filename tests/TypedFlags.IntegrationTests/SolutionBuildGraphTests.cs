using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Xml.Linq;
using Xunit;

namespace TypedFlags.IntegrationTests;

/// <summary>
/// Keeps the solution build free of a race that only shows on some machines: a ProjectReference with
/// <c>SetTargetFramework</c> to a project that has a single <c>TargetFramework</c> makes MSBuild build that project a
/// second time with a <c>TargetFramework</c> global property, in parallel with the solution's own build of it, both
/// writing the same bin/ folder. A clean-clone CI run failed that way ("TypedFlags.Cleanup.deps.json ... being used
/// by another process"). Only multi-targeted projects may be picked a framework.
/// </summary>
public sealed class SolutionBuildGraphTests
{
    [Fact]
    public void No_project_reference_picks_a_framework_of_a_single_framework_project()
    {
        var offenders = new List<string>();
        var projects = ProjectFiles().ToList();
        Assert.NotEmpty(projects);
        foreach (var project in projects)
        {
            var document = XDocument.Load(project);
            foreach (var reference in document.Descendants("ProjectReference"))
            {
                var setTargetFramework = (string?)reference.Attribute("SetTargetFramework") ?? reference.Element("SetTargetFramework")?.Value;
                if (string.IsNullOrEmpty(setTargetFramework))
                {
                    continue;
                }

                var include = ((string?)reference.Attribute("Include") ?? "").Replace('\\', Path.DirectorySeparatorChar);
                var target = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(project)!, include));
                if (!XDocument.Load(target).Descendants("TargetFrameworks").Any())
                {
                    offenders.Add($"{Relative(project)} -> {Relative(target)} ({setTargetFramework})");
                }
            }
        }

        Assert.True(offenders.Count == 0, "SetTargetFramework on a reference to a single-framework project:\n" + string.Join("\n", offenders));
    }

    private static IEnumerable<string> ProjectFiles()
    {
        foreach (var folder in new[] { "src", "tests", "samples", "benchmarks" })
        {
            var root = Path.Combine(RepositoryRoot.Path, folder);
            if (!Directory.Exists(root))
            {
                continue;
            }

            foreach (var file in Directory.EnumerateFiles(root, "*.csproj", SearchOption.AllDirectories))
            {
                // Fixture projects are copied and built on their own, never as part of the solution.
                var relative = Relative(file);
                if (!relative.Contains("/bin/") && !relative.Contains("/obj/") && !relative.StartsWith("tests/Fixtures/", StringComparison.Ordinal))
                {
                    yield return file;
                }
            }
        }
    }

    private static string Relative(string path) => Path.GetRelativePath(RepositoryRoot.Path, path).Replace('\\', '/');
}
