using System.Linq;
using TypedFlags.Cli.Report;
using Xunit;

namespace TypedFlags.Cli.Tests.Report;

/// <summary>What counts as a reference, over the fixture's designed cases and small repositories written per test.</summary>
public sealed class ReportReferenceTests
{
    [Fact]
    public void The_fixture_gives_every_flag_its_designed_status_and_references()
    {
        var report = JsonReport.Read(ReportSchemaTests.RunFixture("json"))!;
        var flags = report.Flags.ToDictionary(f => f.Key);

        Assert.Equal(new[] { "active" }, flags["invoices.write"].Status);
        Assert.Equal(new[] { "launched", "past lifetime" }, flags["invoices.legacy_export"].Status);
        Assert.Equal(new[] { "expired" }, flags["estimates.approval"].Status);
        Assert.Equal(31, flags["estimates.approval"].DaysOverdue);
        Assert.Equal(new[] { "past lifetime" }, flags["payments.old_checkout"].Status);
        Assert.Equal(new[] { "unused" }, flags["search.typo_tolerance"].Status);

        // Declared in the library, read in the library and in the web app: both projects count.
        Assert.Equal(new[] { "src/Contoso.Flags/ApprovalPolicy.cs", "src/Contoso.Web/Services/InvoiceExport.cs" }, flags["estimates.approval"].References.Select(r => r.Path));

        // The MVC view and the Razor component.
        Assert.Equal("src/Contoso.Web/Views/Home/Index.cshtml:3:12", Where(flags["reports.beta_banner"].References.Single()));
        Assert.Equal("src/Contoso.Web/Components/JobsBanner.razor:3:12", Where(flags["jobs.scheduling.v2"].References.Single()));

        // The key string at FlagManifest.IndexOf, the Keys constant and the accessors.
        Assert.Equal(new[] { "keyString", "accessor", "keyConstant", "accessor" }, flags["ops.read_only"].References.Select(r => r.Kind));
        Assert.Equal("public static bool IsDeclared(AppFlags flags) => flags.Engine.Manifest.IndexOf(\"ops.read_only\") >= 0;", flags["ops.read_only"].References[0].Code);

        // Neither the git-ignored generated file nor the comment in ReadOnlyGuard.cs is a reference.
        Assert.Empty(flags["search.typo_tolerance"].References);
        Assert.DoesNotContain(report.Flags.SelectMany(f => f.References), r => r.Path.Contains("/generated/"));
    }

    [Fact]
    public void Key_strings_count_only_at_key_apis()
    {
        using var directory = new TempDirectory();
        var root = MiniRepository(directory);
        FixtureRepository.Write(root, "App/Uses.cs", """
            using Microsoft.FeatureManagement;
            using Microsoft.FeatureManagement.Mvc;
            using TypedFlags;

            public sealed class Uses
            {
                private const string Gate = "gate.flag";

                public bool IsOn([FlagKey] string key) => key.Length > 0;

                [FeatureGate("attribute.flag")]
                public void Action() { }

                public async void Run(IFeatureManager features, IFlagSet flags)
                {
                    System.Console.WriteLine("logged.flag");
                    _ = IsOn("wrapper.flag");
                    _ = await features.IsEnabledAsync(feature: "fm.flag");
                    _ = flags.Engine.Manifest.IndexOf(Gate);
                }
            }
            """);

        var flags = Report(root);

        Assert.Equal("App/Uses.cs:11:18", Where(flags["attribute.flag"].References.Single()));
        Assert.Equal("App/Uses.cs:17:18", Where(flags["wrapper.flag"].References.Single()));
        Assert.Equal("App/Uses.cs:18:52", Where(flags["fm.flag"].References.Single()));
        Assert.Equal("App/Uses.cs:19:43", Where(flags["gate.flag"].References.Single()));
        Assert.Empty(flags["logged.flag"].References);
        Assert.Equal(new[] { "unused" }, flags["logged.flag"].Status);
    }

    [Fact]
    public void Accessors_in_null_conditionals_count_and_test_overrides_and_disabled_code_do_not()
    {
        using var directory = new TempDirectory();
        var root = MiniRepository(directory);
        FixtureRepository.Write(root, "App/Accessors.cs", """
            public static class Accessors
            {
                public static bool A(AppFlags? flags) => flags?.AttributeFlag.IsEnabled == true;
                public static object B() => new AppFlagsOverrides { WrapperFlag = true };
                public static void C(AppFlagsOverrides overrides) => overrides.GateFlag = true;
            #if NEVER_DEFINED
                public static bool D(AppFlags flags) => flags.FmFlag.IsEnabled;
            #endif
                // flags.LoggedFlag in a comment
            }
            """);

        var flags = Report(root);

        // Setting a flag for a test is not reading it (TF1104 agrees: ReportAgreementTests).
        Assert.Equal("App/Accessors.cs:3:53", Where(flags["attribute.flag"].References.Single()));
        Assert.Empty(flags["wrapper.flag"].References);
        Assert.Empty(flags["gate.flag"].References);
        Assert.Empty(flags["fm.flag"].References);
        Assert.Empty(flags["logged.flag"].References);
    }

    [Fact]
    public void Keys_constants_imported_with_using_static_count()
    {
        using var directory = new TempDirectory();
        var root = MiniRepository(directory);
        FixtureRepository.Write(root, "App/Imported.cs", """
            using static Consumer.AppFlags.Keys;

            public static class Imported
            {
                public static string A() => GateFlag;
                public static int B(AppFlags flags) => flags.Engine.Manifest.IndexOf(FmFlag);
            }
            """);
        FixtureRepository.Write(root, "App/NotImported.cs", "public static class NotImported { public static string LoggedFlag => \"x\"; public static string C() => LoggedFlag; }\n");

        var flags = Report(root);

        Assert.Equal("App/Imported.cs:5:33 keyConstant", Where(flags["gate.flag"].References.Single()) + " " + flags["gate.flag"].References.Single().Kind);
        Assert.Equal("App/Imported.cs:6:74", Where(flags["fm.flag"].References.Single()));
        Assert.Empty(flags["logged.flag"].References);
    }

    [Fact]
    public void Razor_comments_are_skipped_and_feature_tag_helpers_count()
    {
        using var directory = new TempDirectory();
        var root = MiniRepository(directory);
        FixtureRepository.Write(root, "App/Page.cshtml", """
            @* Model.AttributeFlag is mentioned in a comment *@
            <!-- "wrapper.flag" in an HTML comment -->
            <feature name="fm.flag">new</feature>
            @if (Flags.Keys.GateFlag == "") { }
            """);

        var flags = Report(root);

        Assert.Empty(flags["attribute.flag"].References);
        Assert.Empty(flags["wrapper.flag"].References);
        Assert.Equal("keyString", flags["fm.flag"].References.Single().Kind);
        Assert.Equal("App/Page.cshtml:3:15", Where(flags["fm.flag"].References.Single()));
        Assert.Equal("keyConstant", flags["gate.flag"].References.Single().Kind);
    }

    [Fact]
    public void Feature_tag_name_lists_and_hash_names_count_as_the_analyzers_count_them()
    {
        // <feature name="a, b"> lists features; a name may be a flag's hash_name (its Microsoft.FeatureManagement name).
        using var directory = new TempDirectory();
        var root = directory.Combine("repo");
        FixtureRepository.Write(root, "App/flags.yaml", """
            version: 1
            flags:
              home:
                description: Home page
                hash_name: Home Page
              beta:
                description: Beta
              two-factor:
                description: Second factor
                hash_name: 2FA
              unused:
                description: Nobody reads it
            """);
        FixtureRepository.Write(root, "App/Page.cshtml", """
            <feature name="Home Page, beta" requirement="Any">new</feature>
            """);
        FixtureRepository.Write(root, "App/Gate.cs", """
            public static class Gate { public static object A(Microsoft.FeatureManagement.IFeatureManager f) => f.IsEnabledAsync("2FA"); }
            """);

        var flags = Report(root);

        Assert.Equal("App/Page.cshtml:1:16", Where(flags["home"].References.Single()));
        Assert.Equal("App/Page.cshtml:1:27", Where(flags["beta"].References.Single()));
        Assert.Equal("App/Gate.cs:1:118", Where(flags["two-factor"].References.Single()));
        Assert.Equal(new[] { "unused" }, flags["unused"].Status);
    }

    [Fact]
    public void A_flag_another_flag_requires_is_not_unused()
    {
        using var directory = new TempDirectory();
        var root = directory.Combine("repo");
        FixtureRepository.Write(root, "flags.yaml", """
            version: 1
            flags:
              base.flag:
                description: Required by the other one
              child.flag:
                description: Requires base.flag
                requires: [base.flag]
            """);

        var flags = Report(root);

        Assert.Equal(new[] { "active" }, flags["base.flag"].Status);
        Assert.Equal(new[] { "unused" }, flags["child.flag"].Status);
    }

    [Fact]
    public void Flags_of_several_projects_are_reported_in_path_order_with_their_manifest()
    {
        using var directory = new TempDirectory();
        var root = MiniRepository(directory);
        FixtureRepository.Write(root, "Other/flags.yaml", "version: 1\nclass: OtherFlags\nflags:\n  other.flag:\n    description: In another project\n");
        FixtureRepository.Write(root, "App/Reader.cs", "class Reader { bool R(OtherFlags f) => f.OtherFlag.IsEnabled; }\n");

        var report = JsonReport.Read(CliRunner.Run("report", "--project", root, "--format", "json", "--today", "2026-12-01").Out)!;

        Assert.Equal(2, report.Summary.Manifests);
        Assert.Equal(new[] { "App/flags.yaml", "Other/flags.yaml" }, report.Flags.Select(f => f.Manifest).Distinct());
        Assert.Equal("App/Reader.cs", report.Flags.Single(f => f.Key == "other.flag").References.Single().Path);
    }

    internal static string MiniRepository(TempDirectory directory)
    {
        var root = directory.Combine("repo");
        FixtureRepository.Write(root, "App/flags.yaml", """
            version: 1
            flags:
              attribute.flag:
                description: Read by [FeatureGate]
              wrapper.flag:
                description: Read through a [FlagKey] wrapper
              fm.flag:
                description: Read by IsEnabledAsync
              gate.flag:
                description: Read through a const string
              logged.flag:
                description: Only ever logged
            """);
        return root;
    }

    internal static System.Collections.Generic.Dictionary<string, ReportFlag> Report(string root)
    {
        var result = CliRunner.Run("report", "--project", root, "--format", "json", "--today", "2026-12-01");
        Assert.Equal(string.Empty, result.Error);
        return JsonReport.Read(result.Out)!.Flags.ToDictionary(f => f.Key);
    }

    private static string Where(ReportReference reference) => $"{reference.Path}:{reference.Line}:{reference.Column}";
}
