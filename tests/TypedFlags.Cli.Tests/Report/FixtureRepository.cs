using System;
using System.IO;

namespace TypedFlags.Cli.Tests.Report;

/// <summary>The cli-repo fixture (tests/Fixtures/cli-repo, copied to the test output), copied again into a temp directory per test.</summary>
internal static class FixtureRepository
{
    /// <summary>The fixture as copied to the test output.</summary>
    public static string Source => Path.Combine(AppContext.BaseDirectory, "cli-repo");

    /// <summary>Copies the fixture under <paramref name="directory"/>; returns the copy's root.</summary>
    public static string CopyTo(TempDirectory directory)
    {
        var root = directory.Combine("repo");
        foreach (var file in Directory.EnumerateFiles(Source, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(root, Path.GetRelativePath(Source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        return root;
    }

    /// <summary>Writes <paramref name="text"/> to <paramref name="relative"/> under <paramref name="root"/>.</summary>
    public static string Write(string root, string relative, string text)
    {
        var path = Path.Combine(root, relative.Replace('/', Path.DirectorySeparatorChar));
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }
}
