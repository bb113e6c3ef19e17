using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using TypedFlags.IntegrationTests;

namespace TypedFlags.Docs.Tests;

/// <summary>A fenced code block of a Markdown file.</summary>
/// <param name="File">Path relative to the repository root, with '/'.</param>
/// <param name="Line">1-based line of the opening fence.</param>
/// <param name="Language">The fence's info string (<c>csharp</c>, <c>yaml</c>, ...), lower case.</param>
/// <param name="Code">The block's text, without the fences.</param>
public sealed record MarkdownSnippet(string File, int Line, string Language, string Code)
{
    /// <summary>
    /// The convention for code that is not a whole program: its first line says so (<c>// Excerpt: ...</c>), so a
    /// reader sees it is partial before copying it.
    /// </summary>
    public bool IsExcerpt => Code.TrimStart().StartsWith("// Excerpt", StringComparison.OrdinalIgnoreCase);

    /// <summary>A complete flags.yaml (not a fragment of one).</summary>
    public bool IsManifest => Language == "yaml" && Code.Contains("version: 1") && Code.Contains("flags:");

    public override string ToString() => $"{File}:{Line} ({Language})";
}

/// <summary>Reads the fenced code blocks of README.md and docs/**/*.md.</summary>
public static class MarkdownSnippets
{
    public static readonly string[] CSharpLanguages = { "csharp", "cs", "c#" };

    public static IReadOnlyList<string> Files { get; } = FindFiles();

    public static IEnumerable<MarkdownSnippet> Read(string relativePath)
    {
        var lines = File.ReadAllLines(Path.Combine(RepositoryRoot.Path, relativePath));
        for (var i = 0; i < lines.Length; i++)
        {
            var opening = lines[i].TrimStart();
            if (!opening.StartsWith("```", StringComparison.Ordinal))
            {
                continue;
            }

            var indent = lines[i].Length - opening.Length;
            var language = opening.Substring(3).Trim().ToLowerInvariant();
            var body = new List<string>();
            var start = i;
            for (i++; i < lines.Length && !lines[i].TrimStart().StartsWith("```", StringComparison.Ordinal); i++)
            {
                body.Add(lines[i].Length >= indent ? lines[i].Substring(indent) : lines[i].TrimStart());
            }

            yield return new MarkdownSnippet(relativePath, start + 1, language, string.Join("\n", body) + "\n");
        }
    }

    public static IEnumerable<MarkdownSnippet> All() => Files.SelectMany(Read);

    private static IReadOnlyList<string> FindFiles()
    {
        var docs = Path.Combine(RepositoryRoot.Path, "docs");
        return new[] { "README.md" }
            .Concat(Directory.EnumerateFiles(docs, "*.md", SearchOption.AllDirectories)
                .Select(f => Path.GetRelativePath(RepositoryRoot.Path, f).Replace('\\', '/'))
                .OrderBy(f => f, StringComparer.Ordinal))
            .ToArray();
    }
}
