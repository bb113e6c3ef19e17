using System.IO;
using System.Linq;
using Xunit;

namespace TypedFlags.Cli.Tests.Cleanup;

/// <summary>
/// cleanup over the fixture repository (README there: one flag per status, a Razor view and component, a git-ignored
/// file) on 2026-12-01: the dry run's patch, the trees after the runs, and that no other file is touched.
/// </summary>
public sealed class FixtureCleanupTests
{
    private const string Today = "2026-12-01";

    [Fact]
    public void A_dry_run_prints_the_patch_and_leaves_every_file_as_it_was()
    {
        using var directory = new TempDirectory();
        var root = FixtureTree.CopyTo(directory);
        var before = FixtureTree.Snapshot(root);

        var result = CliRunner.Run("cleanup", "--stale", "--dry-run", "--today", Today, "--project", root);

        // estimates.approval is stale but undecided: listed, so something is left for a person.
        Assert.Equal(1, result.ExitCode);
        Golden.Assert("cleanup-stale.diff", result.Out, directory);
        Golden.Assert("cleanup-stale-dry-run.txt", result.Error, directory);
        Assert.Empty(FixtureTree.Differences(before, FixtureTree.Snapshot(root)));
    }

    [Fact]
    public void Stale_then_an_undecided_flag_with_its_value_gives_the_expected_tree()
    {
        using var directory = new TempDirectory();
        var root = FixtureTree.CopyTo(directory);
        var original = FixtureTree.Snapshot(root);

        var stale = CliRunner.Run("cleanup", "--stale", "--today", Today, "--project", root);

        Assert.Equal(1, stale.ExitCode);
        Assert.Equal(string.Empty, stale.Error);
        Golden.Assert("cleanup-stale.txt", stale.Out, directory);
        var afterStale = FixtureTree.Snapshot(root);
        Assert.Equal(new[] { "src/Contoso.Web/Services/InvoiceExport.cs" }, FixtureTree.Differences(original, afterStale));
        AssertGolden("cleanup-stale/InvoiceExport.cs.golden", root, "src/Contoso.Web/Services/InvoiceExport.cs");

        var keyed = CliRunner.Run("cleanup", "estimates.approval", "--value", "false", "--remove-declaration", "--today", Today, "--project", root);

        Assert.Equal(0, keyed.ExitCode);
        Assert.Equal(string.Empty, keyed.Error);
        Golden.Assert("cleanup-estimates-approval.txt", keyed.Out, directory);
        Assert.Equal(
            new[] { "src/Contoso.Flags/ApprovalPolicy.cs", "src/Contoso.Flags/flags.yaml", "src/Contoso.Web/Services/InvoiceExport.cs" },
            FixtureTree.Differences(afterStale, FixtureTree.Snapshot(root)));
        AssertGolden("cleanup-estimates-approval/ApprovalPolicy.cs.golden", root, "src/Contoso.Flags/ApprovalPolicy.cs");
        AssertGolden("cleanup-estimates-approval/flags.yaml.golden", root, "src/Contoso.Flags/flags.yaml");
        AssertGolden("cleanup-estimates-approval/InvoiceExport.cs.golden", root, "src/Contoso.Web/Services/InvoiceExport.cs");

        // The stale flag is still declared, but its reads are gone: a second run changes nothing.
        var again = FixtureTree.Snapshot(root);
        var second = CliRunner.Run("cleanup", "--stale", "--today", Today, "--project", root);
        Assert.Equal(0, second.ExitCode);
        Assert.Equal("invoices.legacy_export: no C# read to inline (true).\n", second.Out);
        Assert.Empty(FixtureTree.Differences(again, FixtureTree.Snapshot(root)));
    }

    [Fact]
    public void A_flag_read_in_a_razor_view_keeps_its_declaration_and_is_listed()
    {
        using var directory = new TempDirectory();
        var root = FixtureTree.CopyTo(directory);
        var before = FixtureTree.Snapshot(root);

        var result = CliRunner.Run("cleanup", "reports.beta_banner", "--value", "true", "--remove-declaration", "--project", root);

        Assert.Equal(1, result.ExitCode);
        Golden.Assert("cleanup-razor.txt", result.Out, directory);
        Assert.Empty(FixtureTree.Differences(before, FixtureTree.Snapshot(root)));
    }

    [Fact]
    public void Key_strings_and_keys_constants_that_are_no_reads_keep_the_declaration()
    {
        using var directory = new TempDirectory();
        var root = FixtureTree.CopyTo(directory);
        var before = FixtureTree.Snapshot(root);

        var result = CliRunner.Run("cleanup", "ops.read_only", "--value", "false", "--remove-declaration", "--project", root);

        Assert.Equal(1, result.ExitCode);
        Golden.Assert("cleanup-ops-read-only.txt", result.Out, directory);
        Assert.Equal(
            new[] { "src/Contoso.Flags/ReadOnlyGuard.cs", "src/Contoso.Web/Controllers/HomeController.cs" },
            FixtureTree.Differences(before, FixtureTree.Snapshot(root)));
        Assert.Contains("ops.read_only:", File.ReadAllText(Path.Combine(root, "src/Contoso.Flags/flags.yaml")));
    }

    [Fact]
    public void A_git_ignored_file_and_a_comment_are_no_uses()
    {
        using var directory = new TempDirectory();
        var root = FixtureTree.CopyTo(directory);
        var before = FixtureTree.Snapshot(root);

        var result = CliRunner.Run("cleanup", "search.typo_tolerance", "--value", "false", "--remove-declaration", "--project", root);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("search.typo_tolerance: no C# read to inline (false).\n\nsearch.typo_tolerance: deleted its declaration from src/Contoso.Flags/flags.yaml.\n", result.Out);
        Assert.Equal(new[] { "src/Contoso.Flags/flags.yaml" }, FixtureTree.Differences(before, FixtureTree.Snapshot(root)));
        Assert.DoesNotContain("search.typo_tolerance", File.ReadAllText(Path.Combine(root, "src/Contoso.Flags/flags.yaml")));
    }

    private static void AssertGolden(string golden, string root, string relative)
    {
        using var directory = new TempDirectory();
        Golden.Assert(golden, File.ReadAllText(Path.Combine(root, relative)), directory);
    }
}
