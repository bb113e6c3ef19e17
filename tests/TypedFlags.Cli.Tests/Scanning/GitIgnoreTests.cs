using TypedFlags.Cli.Scanning;
using Xunit;

namespace TypedFlags.Cli.Tests.Scanning;

/// <summary>The pattern rules of gitignore(5), one case per rule; the expected answers are what git check-ignore says.</summary>
public sealed class GitIgnoreTests
{
    [Theory]
    // A name without a slash matches at any depth, files and directories.
    [InlineData("*.g.cs", "a.g.cs", false, true)]
    [InlineData("*.g.cs", "src/deep/a.g.cs", false, true)]
    [InlineData("*.g.cs", "src/a.cs", false, null)]
    [InlineData("generated", "src/generated", true, true)]
    // '*' and '?' stop at '/'.
    [InlineData("src/*.cs", "src/a.cs", false, true)]
    [InlineData("src/*.cs", "src/x/a.cs", false, null)]
    [InlineData("a?.cs", "ab.cs", false, true)]
    [InlineData("a?.cs", "a/.cs", false, null)]
    // A slash at the start or in the middle anchors to the .gitignore's directory.
    [InlineData("/build", "build", true, true)]
    [InlineData("/build", "src/build", true, null)]
    [InlineData("src/generated", "src/generated", true, true)]
    [InlineData("src/generated", "x/src/generated", true, null)]
    // A trailing slash matches directories only.
    [InlineData("out/", "out", true, true)]
    [InlineData("out/", "out", false, null)]
    [InlineData("out/", "src/out", true, true)]
    // '**': leading, trailing, in the middle.
    [InlineData("**/cache", "cache", true, true)]
    [InlineData("**/cache", "a/b/cache", true, true)]
    [InlineData("logs/**", "logs/a/b.cs", false, true)]
    [InlineData("logs/**", "logs", true, null)]
    [InlineData("a/**/b.cs", "a/b.cs", false, true)]
    [InlineData("a/**/b.cs", "a/x/y/b.cs", false, true)]
    [InlineData("a/**/b.cs", "c/a/x/b.cs", false, null)]
    // Character classes, negated classes and escapes.
    [InlineData("file[0-9].cs", "file7.cs", false, true)]
    [InlineData("file[!0-9].cs", "file7.cs", false, null)]
    [InlineData("file[!0-9].cs", "fileA.cs", false, true)]
    [InlineData("\\#notes.cs", "#notes.cs", false, true)]
    [InlineData("\\!bang.cs", "!bang.cs", false, true)]
    [InlineData("odd\\*.cs", "odd*.cs", false, true)]
    [InlineData("odd\\*.cs", "oddx.cs", false, null)]
    // Case-sensitive, like git on Linux.
    [InlineData("*.CS", "a.cs", false, null)]
    public void A_pattern_matches_as_git_matches_it(string pattern, string path, bool isDirectory, bool? expected)
    {
        Assert.Equal(expected, GitIgnore.Parse(pattern).Match(path, isDirectory));
    }

    [Fact]
    public void The_last_matching_pattern_decides_and_negation_re_includes()
    {
        var ignore = GitIgnore.Parse("*.cs\n!keep.cs\nsrc/keep.cs\n");

        Assert.True(ignore.Match("a.cs", isDirectory: false));
        Assert.False(ignore.Match("keep.cs", isDirectory: false));
        Assert.True(ignore.Match("src/keep.cs", isDirectory: false));
    }

    [Fact]
    public void Comments_blank_lines_and_trailing_spaces_are_not_patterns()
    {
        var ignore = GitIgnore.Parse("# a comment\n\n   \nname.cs   \r\nspaced\\ \n");

        Assert.True(ignore.Match("name.cs", isDirectory: false));
        Assert.True(ignore.Match("spaced ", isDirectory: false));
        Assert.Null(ignore.Match("# a comment", isDirectory: false));
        Assert.True(GitIgnore.Parse("# only a comment\n\n").IsEmpty);
    }
}
