using System.Linq;
using System.Threading.Tasks;
using TypedFlags.Analyzers;
using TypedFlags.Analyzers.Tests.Infrastructure;
using Xunit;

namespace TypedFlags.Analyzers.Tests;

public sealed class StaleFlagAnalyzerTests
{
    private const string Uses = """
        using Microsoft.FeatureManagement;
        using TypedFlags;

        public static class Uses
        {
            public static int A(Consumer.Flags flags)
            {
                if (flags.NewCheckout.IsEnabled) return 1;
                if (flags.OldSearch.IsEnabledFor("user-1")) return 2;
                if (flags.LegacyExport.IsEnabled) return 3;
                if (flags.BetaBanner.IsEnabled) return 4;
                return flags.OpsLimit.Value + (flags.FreshFlag.IsEnabled ? 1 : 0);
            }

            public static string B() => Consumer.Flags.Keys.OldSearch;

            public static System.Threading.Tasks.Task<bool> C(IFeatureManager features) => features.IsEnabledAsync("new.checkout");
        }
        """;

    [Fact]
    public async Task Every_use_of_a_stale_flag_and_its_declaration_are_reported_and_nothing_else()
    {
        var project = new ConsumerProject(Manifests.Standard, Uses);

        Assert.Equal(
            new[]
            {
                "TF1102 Source0.cs(8,13): Flag 'new.checkout' has had one value for everyone since 2026-09-01, more than 30 days: remove it and keep its final value, true",
                "TF1101 Source0.cs(9,13): Flag 'old.search' expired on 2026-11-01: remove it and keep its final value, false",
                "TF1101 Source0.cs(10,13): Flag 'legacy.export' expired on 2026-10-15: remove it (flags.yaml does not decide its final value: it depends on the environment, targeting or a partial rollout)",
                "TF1101 Source0.cs(15,33): Flag 'old.search' expired on 2026-11-01: remove it and keep its final value, false",
                "TF1102 Source0.cs(17,108): Flag 'new.checkout' has had one value for everyone since 2026-09-01, more than 30 days: remove it and keep its final value, true",
                "TF1102 flags.yaml(5,3): Flag 'new.checkout' has had one value for everyone since 2026-09-01, more than 30 days: remove it and keep its final value, true",
                "TF1101 flags.yaml(9,3): Flag 'old.search' expired on 2026-11-01: remove it and keep its final value, false",
                "TF1101 flags.yaml(12,3): Flag 'legacy.export' expired on 2026-10-15: remove it (flags.yaml does not decide its final value: it depends on the environment, targeting or a partial rollout)",
            },
            await project.DescribeAsync("TF1101", "TF1102"));
    }

    [Theory]
    [InlineData("2026-10-01", new string[0])]
    [InlineData("2026-10-02", new[] { "new.checkout" })]
    [InlineData("2026-10-16", new[] { "legacy.export", "new.checkout" })]
    public async Task TypedFlagsToday_decides_what_is_stale(string today, string[] stale)
    {
        var project = new ConsumerProject(Manifests.Standard, Uses);
        project.GlobalOptions[TypedFlags.Generators.Analyzers.FlagCatalog.TodayProperty] = today;

        var reported = await project.DiagnosticsAsync();

        var keys = new System.Collections.Generic.SortedSet<string>(System.StringComparer.Ordinal);
        foreach (var diagnostic in reported)
        {
            if (diagnostic.Id is "TF1101" or "TF1102")
            {
                keys.Add(diagnostic.Properties[DiagnosticProperties.Key]!);
            }
        }

        Assert.Equal(stale, keys);
    }

    [Fact]
    public async Task A_schedule_that_ended_at_100_percent_is_stale_after_stale_after_and_its_final_value_is_true()
    {
        var project = new ConsumerProject("""
            version: 1
            stale_after: 14d
            flags:
              ramp:
                description: Ramped up by date
                schedule:
                  - { at: 2026-10-01, rollout: 10 }
                  - { at: 2026-11-01, rollout: 100 }
              ramp.later:
                description: Still ramping
                schedule:
                  - { at: 2026-11-01, rollout: 10 }
                  - { at: 2026-12-01, rollout: 100 }
            """, """
            public static class Uses
            {
                public static bool A(Consumer.Flags flags) => flags.Ramp.IsEnabled && flags.RampLater.IsEnabled;
            }
            """);

        Assert.Equal(
            new[]
            {
                "TF1102 Source0.cs(3,51): Flag 'ramp' has had one value for everyone since 2026-11-01, more than 14 days: remove it and keep its final value, true",
                "TF1102 flags.yaml(4,3): Flag 'ramp' has had one value for everyone since 2026-11-01, more than 14 days: remove it and keep its final value, true",
            },
            await project.DescribeAsync("TF1101", "TF1102"));
    }

    [Fact]
    public async Task An_invalid_TypedFlagsToday_is_one_located_error_from_the_generator_and_today_is_used()
    {
        var project = new ConsumerProject(Manifests.Standard, "public static class Empty { }");
        project.GlobalOptions[TypedFlags.Generators.Analyzers.FlagCatalog.TodayProperty] = "22/11/2026";

        // The generator reports it (it runs even where analyzers do not); the analyzers must not report it a second time.
        var generator = Microsoft.CodeAnalysis.GeneratorExtensions.AsSourceGenerator(new TypedFlags.Generators.FlagsGenerator());
        var driver = Microsoft.CodeAnalysis.CSharp.CSharpGeneratorDriver.Create(new[] { generator }, project.AdditionalTexts, ConsumerProject.ParseOptions, project.OptionsProvider);
        var generated = driver.RunGenerators(Microsoft.CodeAnalysis.CSharp.CSharpCompilation.Create("Probe", references: ConsumerProject.References)).GetRunResult();

        Assert.Equal(
            new[] { "TF0007 flags.yaml(1,1): Invalid date '22/11/2026' for 'TypedFlagsToday': expected yyyy-MM-dd (staleness is judged on today's UTC date instead)" },
            generated.Diagnostics.Select(ConsumerProject.Describe));
        Assert.Empty(await project.DescribeAsync("TF0007"));
    }
}
