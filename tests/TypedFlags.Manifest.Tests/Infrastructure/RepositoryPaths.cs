using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace TypedFlags.Manifest.Tests.Infrastructure;

/// <summary>Finds files in the repository from the test's output directory.</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string Schema => Path.Combine(Root, "flags.schema.json");

    public static string Fixtures => Path.Combine(Root, "tests", "Fixtures", "manifests");

    public static string ValidFixtures => Path.Combine(Fixtures, "valid");

    public static string InvalidFixtures => Path.Combine(Fixtures, "invalid");

    /// <summary>Every <c>samples/**/flags.yaml</c> (none yet is fine).</summary>
    public static IReadOnlyList<string> SampleManifests
    {
        get
        {
            var samples = Path.Combine(Root, "samples");
            return Directory.Exists(samples)
                ? Directory.GetFiles(samples, "flags.yaml", SearchOption.AllDirectories)
                    .Where(path => !IsBuildOutput(path))
                    .OrderBy(path => path, StringComparer.Ordinal)
                    .ToArray()
                : Array.Empty<string>();
        }
    }

    private static bool IsBuildOutput(string path)
    {
        var parts = path.Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
        return parts.Contains("bin") || parts.Contains("obj");
    }

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "TypedFlags.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("TypedFlags.sln not found above " + AppContext.BaseDirectory);
    }
}
