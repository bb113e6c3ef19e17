using System.Threading.Tasks;
using TypedFlags.Analyzers.Tests.Infrastructure;
using Xunit;

namespace TypedFlags.Analyzers.Tests;

public sealed class LifetimeAndUnusedAnalyzerTests
{
    [Fact]
    public async Task TF1103_reports_a_flag_older_than_its_kinds_lifetime_without_expires_in_flags_yaml()
    {
        var project = new ConsumerProject(Manifests.Standard, "public static class Empty { }");

        Assert.Equal(
            new[] { "TF1103 flags.yaml(16,3): Flag 'ops.limit' (operational) was created on 2026-11-01, more than its 7-day lifetime ago, and has no 'expires'" },
            await project.DescribeAsync("TF1103"));
    }

    [Fact]
    public async Task TF1103_is_silent_within_the_lifetime_with_expires_or_for_kinds_that_never_expire()
    {
        var project = new ConsumerProject("""
            version: 1
            lifetimes: { release: 90d }
            flags:
              young:
                description: Within 90 days
                created: 2026-09-01
              dated:
                description: Has an expiry
                kind: operational
                created: 2020-01-01
                expires: 2030-01-01
              switch:
                description: Kill switches live forever
                kind: kill-switch
                created: 2020-01-01
            """, "public static class Empty { }");
        project.GlobalOptions[TypedFlags.Generators.Analyzers.FlagCatalog.TodayProperty] = "2026-11-30";

        Assert.Empty(await project.DescribeAsync("TF1103"));
        project.GlobalOptions[TypedFlags.Generators.Analyzers.FlagCatalog.TodayProperty] = "2026-12-01";
        Assert.Equal(
            new[] { "TF1103 flags.yaml(4,3): Flag 'young' (release) was created on 2026-09-01, more than its 90-day lifetime ago, and has no 'expires'" },
            await project.DescribeAsync("TF1103"));
    }

    [Fact]
    public async Task TF1104_reports_flags_no_code_references_by_accessor_keys_constant_or_key_string()
    {
        var project = new ConsumerProject(Manifests.Standard, """
            using Microsoft.FeatureManagement;

            public static class Uses
            {
                public static bool A(Consumer.Flags flags) => flags.BetaBanner.IsEnabled;
                public static string B() => Consumer.Flags.Keys.NewCheckout;
                public static System.Threading.Tasks.Task<bool> C(IFeatureManager f) => f.IsEnabledAsync("OLD.SEARCH");
            }
            """);

        Assert.Equal(
            new[]
            {
                "TF1104 flags.yaml(12,3): Flag 'legacy.export' is declared but never referenced in this project",
                "TF1104 flags.yaml(16,3): Flag 'ops.limit' is declared but never referenced in this project",
                "TF1104 flags.yaml(22,3): Flag 'fresh.flag' is declared but never referenced in this project",
            },
            await project.DescribeAsync("TF1104"));
    }
}
