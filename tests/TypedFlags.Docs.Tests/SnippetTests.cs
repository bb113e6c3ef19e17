using System;
using System.Collections.Generic;
using System.Linq;
using Xunit;

namespace TypedFlags.Docs.Tests;

/// <summary>
/// The README and the docs are read as a new user reads them: a C# block is copied as printed. Each one compiles against
/// the flags.yaml shown above it on the same page (else the README's quick start flags.yaml), or starts with
/// <c>// Excerpt</c> so a reader sees it is a part of a program.
/// </summary>
public sealed class SnippetTests
{
    public static TheoryData<string> CSharpSnippets()
    {
        var data = new TheoryData<string>();
        foreach (var snippet in MarkdownSnippets.All().Where(s => MarkdownSnippets.CSharpLanguages.Contains(s.Language)))
        {
            data.Add($"{snippet.File}:{snippet.Line}");
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(CSharpSnippets))]
    public void Every_csharp_snippet_compiles_as_printed_or_says_it_is_an_excerpt(string location)
    {
        var (snippet, manifest) = Find(location);
        if (snippet.IsExcerpt)
        {
            // An excerpt is still C#: it must at least parse as statements or members, so a reader copies valid code.
            Assert.Empty(SnippetParser.SyntaxErrors(snippet.Code));
            return;
        }

        Assert.True(manifest is not null, $"{location}: no flags.yaml above it on the page and none in the README");
        Assert.Empty(SnippetCompiler.Compile(snippet.Code, manifest!.Code));
    }

    [Fact]
    public void The_readme_quick_start_is_a_whole_program_not_an_excerpt()
    {
        var quickStart = MarkdownSnippets.Read("README.md").First(s => MarkdownSnippets.CSharpLanguages.Contains(s.Language));

        Assert.False(quickStart.IsExcerpt);
        Assert.Contains("using TypedFlags;", quickStart.Code);
        Assert.Empty(SnippetCompiler.Compile(quickStart.Code, ReadmeManifest()!.Code));
    }

    [Fact]
    public void Every_fenced_block_names_its_language()
    {
        // An unnamed fence could hold C# that no test compiles.
        Assert.Empty(MarkdownSnippets.All().Where(s => s.Language.Length == 0).Select(s => s.ToString()));
    }

    private static (MarkdownSnippet Snippet, MarkdownSnippet? Manifest) Find(string location)
    {
        var separator = location.LastIndexOf(':');
        var file = location.Substring(0, separator);
        var line = int.Parse(location.Substring(separator + 1), System.Globalization.CultureInfo.InvariantCulture);
        var snippets = MarkdownSnippets.Read(file).ToList();
        var snippet = snippets.Single(s => s.Line == line);
        var manifest = snippets.LastOrDefault(s => s.IsManifest && s.Line < line) ?? ReadmeManifest();
        return (snippet, manifest);
    }

    private static MarkdownSnippet? ReadmeManifest() => MarkdownSnippets.Read("README.md").FirstOrDefault(s => s.IsManifest);
}
