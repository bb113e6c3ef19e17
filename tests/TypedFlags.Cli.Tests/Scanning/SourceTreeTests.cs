using System.IO;
using System.Linq;
using TypedFlags.Cli.Scanning;
using Xunit;

namespace TypedFlags.Cli.Tests.Scanning;

/// <summary>SourceTree over real directories: build output, hidden folders, nested .gitignore files, order.</summary>
public sealed class SourceTreeTests
{
    private static readonly string[] CSharpAndRazor = { ".cs", ".razor", ".cshtml" };

    [Fact]
    public void Lists_matching_files_in_ordinal_order_with_forward_slashes()
    {
        using var directory = new TempDirectory();
        Write(directory, "b/Z.cs", "a.cs", "B.cs", "b/a.razor", "b/Views/x.cshtml", "readme.md", "b/a.cs.txt");

        var files = SourceTree.Enumerate(directory.Path, CSharpAndRazor);

        Assert.Equal(new[] { "B.cs", "a.cs", "b/Views/x.cshtml", "b/Z.cs", "b/a.razor" }, files.Select(f => f.RelativePath));
        Assert.All(files, f => Assert.True(File.Exists(f.FullPath)));
    }

    [Fact]
    public void Skips_bin_obj_and_hidden_directories_without_a_gitignore()
    {
        using var directory = new TempDirectory();
        Write(directory, "src/bin/Debug/a.cs", "src/obj/b.cs", "src/OBJ/c.cs", ".git/d.cs", ".vs/e.cs", "src/f.cs");

        var files = SourceTree.Enumerate(directory.Path, CSharpAndRazor);

        Assert.Equal(new[] { "src/f.cs" }, files.Select(f => f.RelativePath));
    }

    [Fact]
    public void Nested_gitignore_files_apply_below_their_directory_and_the_deeper_one_wins()
    {
        using var directory = new TempDirectory();
        Write(directory, "a.g.cs", "src/a.g.cs", "src/keep.g.cs", "src/gen/x.cs", "src/gen/y.cs", "other/gen/z.cs", "other/b.cs");
        File.WriteAllText(directory.Combine(".gitignore"), "*.g.cs\n");
        File.WriteAllText(directory.Combine("src/.gitignore"), "!keep.g.cs\n/gen/\n");

        var files = SourceTree.Enumerate(directory.Path, CSharpAndRazor);

        // /gen/ is anchored to src/, so other/gen stays; keep.g.cs is re-included by the deeper file.
        Assert.Equal(new[] { "other/b.cs", "other/gen/z.cs", "src/keep.g.cs" }, files.Select(f => f.RelativePath));
    }

    [Fact]
    public void A_file_in_an_excluded_directory_cannot_be_re_included()
    {
        using var directory = new TempDirectory();
        Write(directory, "out/keep.cs", "out/drop.cs", "src/a.cs");
        File.WriteAllText(directory.Combine(".gitignore"), "out/\n!out/keep.cs\n");

        var files = SourceTree.Enumerate(directory.Path, CSharpAndRazor);

        Assert.Equal(new[] { "src/a.cs" }, files.Select(f => f.RelativePath));
    }

    [Fact]
    public void Double_star_patterns_exclude_at_every_depth()
    {
        using var directory = new TempDirectory();
        Write(directory, "a/b/c/Migrations/m.cs", "Migrations/n.cs", "a/code.cs", "docs/x/y/z.cs");
        File.WriteAllText(directory.Combine(".gitignore"), "**/Migrations\ndocs/**\n");

        var files = SourceTree.Enumerate(directory.Path, CSharpAndRazor);

        Assert.Equal(new[] { "a/code.cs" }, files.Select(f => f.RelativePath));
    }

    [Fact]
    public void The_fixture_repository_skips_its_git_ignored_generated_folder()
    {
        var root = Path.Combine(System.AppContext.BaseDirectory, "cli-repo");

        var files = SourceTree.Enumerate(root, CSharpAndRazor).Select(f => f.RelativePath).ToList();

        Assert.Contains("src/Contoso.Web/Components/JobsBanner.razor", files);
        Assert.Contains("src/Contoso.Web/Views/Home/Index.cshtml", files);
        Assert.DoesNotContain(files, f => f.Contains("/generated/"));
    }

    [Fact]
    public void An_empty_directory_has_no_files()
    {
        using var directory = new TempDirectory();

        Assert.Empty(SourceTree.Enumerate(directory.Path, CSharpAndRazor));
    }

    private static void Write(TempDirectory directory, params string[] paths)
    {
        foreach (var path in paths)
        {
            var full = directory.Combine(path);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllText(full, "// " + path + "\n");
        }
    }
}
