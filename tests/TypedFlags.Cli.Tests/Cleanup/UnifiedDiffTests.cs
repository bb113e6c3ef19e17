using System.Linq;
using TypedFlags.Cli.Cleanup;
using Xunit;

namespace TypedFlags.Cli.Tests.Cleanup;

/// <summary>The --dry-run patch format: the hunks GNU <c>diff -u</c> prints for the same texts (checked against it).</summary>
public sealed class UnifiedDiffTests
{
    [Fact]
    public void Changes_far_apart_get_their_own_hunks_and_a_missing_last_line_end_is_marked()
    {
        var before = string.Concat(Enumerable.Range(1, 20).Select(i => $"line {i}\n"));
        var after = before.Replace("line 2\n", "line two\n").Replace("line 15\n", string.Empty).Replace("line 20\n", "line 20\nline 21");

        Assert.Equal(
            "--- a/f.txt\n+++ b/f.txt\n"
            + "@@ -1,5 +1,5 @@\n line 1\n-line 2\n+line two\n line 3\n line 4\n line 5\n"
            + "@@ -12,9 +12,9 @@\n line 12\n line 13\n line 14\n-line 15\n line 16\n line 17\n line 18\n line 19\n line 20\n+line 21\n\\ No newline at end of file\n",
            UnifiedDiff.Write("f.txt", before, after));
    }

    [Fact]
    public void Lines_added_at_the_top_and_to_an_empty_file()
    {
        Assert.Equal("--- a/f\n+++ b/f\n@@ -1 +1,2 @@\n+new\n x\n", UnifiedDiff.Write("f", "x\n", "new\nx\n"));
        Assert.Equal("--- a/f\n+++ b/f\n@@ -0,0 +1 @@\n+x\n", UnifiedDiff.Write("f", string.Empty, "x\n"));
    }

    [Fact]
    public void Equal_texts_have_no_diff()
    {
        Assert.Equal(string.Empty, UnifiedDiff.Write("f", "a\nb\n", "a\nb\n"));
    }
}
