using System.Collections.Generic;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using TypedFlags.Analyzers.Tests.Infrastructure;
using Xunit;

// TF1101/TF1102 at every use and at the declaration in flags.yaml: markup in the C# sources and in flags.yaml (an
// additional file) gives the exact spans; messages are checked whole; other TypedFlags ids are configured off.
namespace TypedFlags.Analyzers.Tests;

public sealed class StaleFlagAnalyzerTests
{
    // Numbered locations: 0-4 uses in C#, 10-12 the declarations in flags.yaml.
    private const string Uses = """
        using Microsoft.FeatureManagement;
        using TypedFlags;

        public static class Uses
        {
            public static int A(Consumer.Flags flags)
            {
                if ({|#0:flags.NewCheckout|}.IsEnabled) return 1;
                if ({|#1:flags.OldSearch|}.IsEnabledFor("user-1")) return 2;
                if ({|#2:flags.LegacyExport|}.IsEnabled) return 3;
                if (flags.BetaBanner.IsEnabled) return 4;
                return flags.OpsLimit.Value + (flags.FreshFlag.IsEnabled ? 1 : 0);
            }

            public static string B() => {|#3:Consumer.Flags.Keys.OldSearch|};

            public static System.Threading.Tasks.Task<bool> C(IFeatureManager features) => features.IsEnabledAsync({|#4:"new.checkout"|});
        }
        """;

    private const string NewCheckout = "Flag 'new.checkout' has had one value for everyone since 2026-09-01, more than 30 days: remove it and keep its final value, true";
    private const string OldSearch = "Flag 'old.search' expired on 2026-11-01: remove it and keep its final value, false";
    private const string LegacyExport = "Flag 'legacy.export' expired on 2026-10-15: remove it (flags.yaml does not decide its final value: it depends on the environment, targeting or a partial rollout)";

    /// <summary>Per stale key: its id, message, and the numbered locations (uses, then the declaration).</summary>
    private static readonly Dictionary<string, (string Id, string Message, int[] Locations)> Stale = new()
    {
        ["new.checkout"] = ("TF1102", NewCheckout, new[] { 0, 4, 10 }),
        ["old.search"] = ("TF1101", OldSearch, new[] { 1, 3, 11 }),
        ["legacy.export"] = ("TF1101", LegacyExport, new[] { 2, 12 }),
    };

    private static string MarkedManifest => Manifests.Standard
        .Replace("  new.checkout:", "  {|#10:new.checkout|}:")
        .Replace("  old.search:", "  {|#11:old.search|}:")
        .Replace("  legacy.export:", "  {|#12:legacy.export|}:");

    [Fact]
    public async Task Every_use_of_a_stale_flag_and_its_declaration_are_reported_and_nothing_else()
    {
        var project = StaleOnly(MarkedManifest, Uses);
        Expect(project, "new.checkout", "old.search", "legacy.export");

        await project.RunAsync();
    }

    [Theory]
    [InlineData("2026-10-01", new string[0])]
    [InlineData("2026-10-02", new[] { "new.checkout" })]
    [InlineData("2026-10-16", new[] { "legacy.export", "new.checkout" })]
    public async Task TypedFlagsToday_decides_what_is_stale(string today, string[] stale)
    {
        var project = StaleOnly(MarkedManifest, Uses);
        project.GlobalOptions[TypedFlags.Generators.Analyzers.FlagCatalog.TodayProperty] = today;
        Expect(project, stale);

        await project.RunAsync();
    }

    [Fact]
    public async Task A_schedule_that_ended_at_100_percent_is_stale_after_stale_after_and_its_final_value_is_true()
    {
        var project = StaleOnly("""
            version: 1
            stale_after: 14d
            flags:
              {|#1:ramp|}:
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
                public static bool A(Consumer.Flags flags) => {|#0:flags.Ramp|}.IsEnabled && flags.RampLater.IsEnabled;
            }
            """);
        const string Ramp = "Flag 'ramp' has had one value for everyone since 2026-11-01, more than 14 days: remove it and keep its final value, true";
        project.ExpectedDiagnostics.Add(ConsumerSetup.Expect("TF1102", 0, Ramp));
        project.ExpectedDiagnostics.Add(ConsumerSetup.Expect("TF1102", 1, Ramp));

        await project.RunAsync();
    }

    [Fact]
    public async Task An_invalid_TypedFlagsToday_is_one_located_error_from_the_generator_and_today_is_used()
    {
        // The generator reports it (it runs even where analyzers do not); the analyzers must not report it a second
        // time: the framework sees generator and analyzer diagnostics together, so exactly one TF0007 is expected.
        var project = new AnalyzerVerifierTest("{|#0:|}" + Manifests.Standard, "public static class Empty { }");
        project.ReportOnly.Add("TF0007");
        project.GlobalOptions[TypedFlags.Generators.Analyzers.FlagCatalog.TodayProperty] = "22/11/2026";
        project.ExpectedDiagnostics.Add(new DiagnosticResult("TF0007", DiagnosticSeverity.Error).WithLocation(0)
            .WithMessage("Invalid date '22/11/2026' for 'TypedFlagsToday': expected yyyy-MM-dd (staleness is judged on today's UTC date instead)"));

        await project.RunAsync();
    }

    private static AnalyzerVerifierTest StaleOnly(string manifest, string source)
    {
        var project = new AnalyzerVerifierTest(manifest, source);
        project.ReportOnly.AddRange(new[] { "TF1101", "TF1102" });
        return project;
    }

    private static void Expect(AnalyzerVerifierTest project, params string[] keys)
    {
        foreach (var key in keys)
        {
            var (id, message, locations) = Stale[key];
            foreach (var location in locations)
            {
                project.ExpectedDiagnostics.Add(ConsumerSetup.Expect(id, location, message));
            }
        }
    }
}
