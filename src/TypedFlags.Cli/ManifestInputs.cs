using System;
using System.Collections.Generic;
using System.IO;
using TypedFlags.Manifest.Parsing;

namespace TypedFlags.Cli;

/// <summary>One flags.yaml read from disk: the path as shown to the user, and what the shared parser made of it.</summary>
/// <param name="DisplayPath">The path as the user wrote it (or as found under the directory they named).</param>
/// <param name="Result">The parse result of <see cref="ManifestParser.ParseBytes"/>.</param>
internal sealed record LoadedManifest(string DisplayPath, ManifestParseResult Result);

/// <summary>
/// Turns the PATH argument of a command into flags.yaml files and reads them. A file is taken as is; a directory means
/// every flags.yaml under it, skipping build output (bin/, obj/) and hidden directories (.git/), in ordinal path order
/// so output is stable. Bytes go through <see cref="ManifestParser.ParseBytes"/>, so a file that is not UTF-8 is TF0022.
/// </summary>
internal static class ManifestInputs
{
    /// <summary>The file the commands read when no PATH is given.</summary>
    public const string DefaultPath = "flags.yaml";

    private const string FileName = "flags.yaml";

    private static readonly HashSet<string> SkippedDirectories = new(StringComparer.OrdinalIgnoreCase) { "bin", "obj" };

    /// <summary>Reads every flags.yaml that <paramref name="path"/> names; on failure prints why and returns null.</summary>
    public static IReadOnlyList<LoadedManifest>? Load(string? path, TextWriter error)
    {
        var given = string.IsNullOrWhiteSpace(path) ? DefaultPath : path!;
        var files = Resolve(given, path is null, error);
        if (files is null)
        {
            return null;
        }

        var loaded = new List<LoadedManifest>(files.Count);
        foreach (var file in files)
        {
            byte[] bytes;
            try
            {
                bytes = File.ReadAllBytes(file);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                error.WriteLine($"typedflags: cannot read '{file}': {ex.Message}");
                return null;
            }

            loaded.Add(new LoadedManifest(file, ManifestParser.ParseBytes(bytes)));
        }

        return loaded;
    }

    private static List<string>? Resolve(string given, bool isDefault, TextWriter error)
    {
        if (File.Exists(given))
        {
            return new List<string> { given };
        }

        if (!Directory.Exists(given))
        {
            error.WriteLine(isDefault
                ? "typedflags: no flags.yaml in the current directory; pass the file or a directory that holds one, e.g. 'typedflags validate src/App/flags.yaml'."
                : $"typedflags: '{given}' does not exist; pass a flags.yaml or a directory that holds one.");
            return null;
        }

        var found = new List<string>();
        Collect(given, found);
        if (found.Count == 0)
        {
            error.WriteLine($"typedflags: no flags.yaml under '{given}' (bin/, obj/ and hidden directories are skipped).");
            return null;
        }

        found.Sort(StringComparer.Ordinal);
        return found;
    }

    private static void Collect(string directory, List<string> found)
    {
        var candidate = Path.Combine(directory, FileName);
        if (File.Exists(candidate))
        {
            found.Add(candidate);
        }

        foreach (var child in Directory.EnumerateDirectories(directory))
        {
            var name = Path.GetFileName(child);
            if (SkippedDirectories.Contains(name) || name.StartsWith(".", StringComparison.Ordinal))
            {
                continue;
            }

            Collect(child, found);
        }
    }
}
