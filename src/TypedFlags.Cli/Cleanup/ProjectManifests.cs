using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Xml.Linq;
using TypedFlags.Cli.Scanning;
using TypedFlags.Manifest.Model;
using TypedFlags.Manifest.Naming;
using TypedFlags.Manifest.Parsing;

namespace TypedFlags.Cli.Cleanup;

/// <summary>One flags.yaml of the project tree, parsed without errors.</summary>
/// <param name="File">Where it is.</param>
/// <param name="Model">What it declares.</param>
/// <param name="Namespace">The namespace of its generated class (flags.yaml's <c>namespace</c>, else the project's
/// RootNamespace), null for the global namespace; variant values are written in it.</param>
internal sealed record ProjectManifest(SourceFile File, ManifestModel Model, string? Namespace);

/// <summary>
/// Every flags.yaml under the project directory, listed like the source files (bin/, obj/, hidden and git-ignored
/// directories skipped) and read with the shared parser. A file with errors stops the cleanup: its TF diagnostics go to
/// standard error, as <c>validate</c> prints them.
/// </summary>
internal static class ProjectManifests
{
    private const string FileName = "flags.yaml";

    /// <summary>The manifests, or null after printing why there are none to use.</summary>
    public static IReadOnlyList<ProjectManifest>? Load(string root, CliConsole console)
    {
        var files = SourceTree.Enumerate(root, new[] { FileName })
            .Where(file => string.Equals(Path.GetFileName(file.FullPath), FileName, StringComparison.Ordinal))
            .ToList();
        if (files.Count == 0)
        {
            console.Error.WriteLine($"typedflags: no flags.yaml under '{root}' (bin/, obj/, hidden and git-ignored directories are skipped).");
            return null;
        }

        var loaded = new List<LoadedManifest>();
        foreach (var file in files)
        {
            byte[] bytes;
            try
            {
                bytes = File.ReadAllBytes(file.FullPath);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                console.Error.WriteLine($"typedflags: cannot read '{file.RelativePath}': {ex.Message}");
                return null;
            }

            loaded.Add(new LoadedManifest(file.RelativePath, ManifestParser.ParseBytes(bytes)));
        }

        if (DiagnosticPrinter.Write(loaded, console.Error) > 0 || loaded.Any(manifest => manifest.Result.Model is null))
        {
            return null;
        }

        return files.Select((file, i) => new ProjectManifest(file, loaded[i].Result.Model!, loaded[i].Result.Model!.Namespace ?? RootNamespace(file.FullPath))).ToList();
    }

    /// <summary>
    /// The RootNamespace of the project next to flags.yaml, as MSBuild sets it: the property when the project file sets
    /// it, else the project file's name. Null when there is no single project file there, or the name is no namespace
    /// (the generator reports TF0015 for that).
    /// </summary>
    private static string? RootNamespace(string manifestPath)
    {
        var directory = Path.GetDirectoryName(manifestPath)!;
        var projects = Directory.GetFiles(directory, "*.csproj");
        if (projects.Length != 1)
        {
            return null;
        }

        string? name;
        try
        {
            name = XDocument.Load(projects[0]).Descendants().LastOrDefault(element => element.Name.LocalName == "RootNamespace")?.Value.Trim();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or System.Xml.XmlException)
        {
            name = null;
        }

        name = string.IsNullOrEmpty(name) ? Path.GetFileNameWithoutExtension(projects[0]) : name;
        return FlagNaming.IsValidNamespace(name!) ? name : null;
    }
}
