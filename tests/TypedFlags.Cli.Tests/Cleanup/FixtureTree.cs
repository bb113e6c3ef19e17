using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace TypedFlags.Cli.Tests.Cleanup;

/// <summary>One file's bytes and last write time.</summary>
internal sealed record FileState(byte[] Bytes, DateTime LastWriteUtc);

/// <summary>
/// The fixture repository tests/Fixtures/cli-repo (copied to the test output as cli-repo/), copied again into a
/// temporary directory so a cleanup can change it; and snapshots of a tree to prove what a cleanup did not touch.
/// </summary>
internal static class FixtureTree
{
    /// <summary>An old, fixed last-write time every copied file gets: a write shows as a new time.</summary>
    public static readonly DateTime Stamp = new(2020, 1, 2, 3, 4, 5, DateTimeKind.Utc);

    /// <summary>Copies cli-repo into <paramref name="directory"/>; returns its root.</summary>
    public static string CopyTo(TempDirectory directory)
    {
        var source = Path.Combine(AppContext.BaseDirectory, "cli-repo");
        var root = directory.Combine("repo");
        foreach (var file in Directory.GetFiles(source, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(root, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
            File.SetLastWriteTimeUtc(target, Stamp);
        }

        return root;
    }

    /// <summary>Every file under <paramref name="root"/> by relative path ('/' separators).</summary>
    public static Dictionary<string, FileState> Snapshot(string root) =>
        Directory.GetFiles(root, "*", SearchOption.AllDirectories).ToDictionary(
            file => Path.GetRelativePath(root, file).Replace('\\', '/'),
            file => new FileState(File.ReadAllBytes(file), File.GetLastWriteTimeUtc(file)),
            StringComparer.Ordinal);

    /// <summary>The files whose bytes or time differ between two snapshots (and files only one has).</summary>
    public static List<string> Differences(Dictionary<string, FileState> before, Dictionary<string, FileState> after) =>
        before.Keys.Union(after.Keys)
            .Where(path => !before.TryGetValue(path, out var a) || !after.TryGetValue(path, out var b) || !a.Bytes.AsSpan().SequenceEqual(b.Bytes) || a.LastWriteUtc != b.LastWriteUtc)
            .OrderBy(path => path, StringComparer.Ordinal)
            .ToList();
}
