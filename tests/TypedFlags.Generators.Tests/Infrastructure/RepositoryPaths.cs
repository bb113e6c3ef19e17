using System;
using System.IO;

namespace TypedFlags.Generators.Tests.Infrastructure;

/// <summary>Finds files in the repository from the test's output directory.</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string SampleManifest => Path.Combine(Root, "samples", "TypedFlags.Samples.Console", "flags.yaml");

    public static string Baselines => Path.Combine(Root, "tests", "TypedFlags.Generators.Tests", "Baselines");

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
