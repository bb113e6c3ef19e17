using System;
using System.IO;

namespace TypedFlags.Docs.Tests;

/// <summary>The repository root, found from the test's output directory.</summary>
internal static class RepositoryRoot
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(System.IO.Path.Combine(directory.FullName, "TypedFlags.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("TypedFlags.sln not found above " + AppContext.BaseDirectory);
    }
}
