using System;
using System.Collections.Generic;
using System.IO;

namespace TypedFlags.Cli.Scanning;

/// <summary>One file found by <see cref="SourceTree.Enumerate"/>.</summary>
/// <param name="FullPath">The absolute path, for reading and writing.</param>
/// <param name="RelativePath">The path relative to the root, with '/' separators on every OS: what reports print.</param>
internal sealed record SourceFile(string FullPath, string RelativePath);

/// <summary>
/// The source files of a repository as git would see them, without git: every file with one of the given extensions
/// under a root, skipping build output (<c>bin/</c>, <c>obj/</c>), hidden directories (<c>.git/</c>, <c>.vs/</c>),
/// directory symbolic links (git does not follow them) and whatever the root's and nested <c>.gitignore</c> files
/// exclude (<see cref="GitIgnore"/>). A deeper .gitignore overrides a shallower one; a file in an excluded directory
/// cannot be re-included (as in git). No .git folder is needed: the root is treated as the top of the work tree.
/// </summary>
internal static class SourceTree
{
    private const string IgnoreFileName = ".gitignore";

    private static readonly HashSet<string> BuildOutput = new(StringComparer.OrdinalIgnoreCase) { "bin", "obj" };

    /// <summary>
    /// The files under <paramref name="root"/> whose name ends with one of <paramref name="extensions"/> (".cs",
    /// ".razor"; compared ignoring case) and that are not excluded, in ordinal order of <see cref="SourceFile.RelativePath"/>.
    /// </summary>
    public static IReadOnlyList<SourceFile> Enumerate(string root, IReadOnlyCollection<string> extensions)
    {
        if (root is null)
        {
            throw new ArgumentNullException(nameof(root));
        }

        if (extensions is null)
        {
            throw new ArgumentNullException(nameof(extensions));
        }

        var files = new List<SourceFile>();
        var fullRoot = Path.GetFullPath(root);
        Walk(fullRoot, string.Empty, new List<Scope>(), extensions, files);
        files.Sort((a, b) => string.CompareOrdinal(a.RelativePath, b.RelativePath));
        return files;
    }

    private static void Walk(string directory, string relative, List<Scope> scopes, IReadOnlyCollection<string> extensions, List<SourceFile> files)
    {
        var ignoreFile = Path.Combine(directory, IgnoreFileName);
        var pushed = false;
        if (File.Exists(ignoreFile))
        {
            var ignore = GitIgnore.Load(ignoreFile);
            if (!ignore.IsEmpty)
            {
                scopes.Add(new Scope(relative, ignore));
                pushed = true;
            }
        }

        IEnumerable<FileSystemInfo> entries;
        try
        {
            entries = new DirectoryInfo(directory).EnumerateFileSystemInfos();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // An unreadable directory holds nothing we can report on; git would not list it either.
            entries = Array.Empty<FileSystemInfo>();
        }

        foreach (var entry in entries)
        {
            var name = entry.Name;
            var path = relative.Length == 0 ? name : relative + "/" + name;
            if (entry is DirectoryInfo)
            {
                if (BuildOutput.Contains(name) || name.StartsWith(".", StringComparison.Ordinal)
                    || (entry.Attributes & FileAttributes.ReparsePoint) != 0 || IsIgnored(scopes, path, isDirectory: true))
                {
                    continue;
                }

                Walk(entry.FullName, path, scopes, extensions, files);
            }
            else if (HasExtension(name, extensions) && !IsIgnored(scopes, path, isDirectory: false))
            {
                files.Add(new SourceFile(entry.FullName, path));
            }
        }

        if (pushed)
        {
            scopes.RemoveAt(scopes.Count - 1);
        }
    }

    /// <summary>Asks every .gitignore from the deepest up; the first that has a matching pattern decides.</summary>
    private static bool IsIgnored(List<Scope> scopes, string path, bool isDirectory)
    {
        for (var i = scopes.Count - 1; i >= 0; i--)
        {
            var scope = scopes[i];
            var local = scope.Directory.Length == 0 ? path : path.Substring(scope.Directory.Length + 1);
            if (scope.Ignore.Match(local, isDirectory) is { } ignored)
            {
                return ignored;
            }
        }

        return false;
    }

    private static bool HasExtension(string name, IReadOnlyCollection<string> extensions)
    {
        foreach (var extension in extensions)
        {
            if (name.EndsWith(extension, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A .gitignore and the directory (relative to the root) its patterns are relative to.</summary>
    private sealed record Scope(string Directory, GitIgnore Ignore);
}
