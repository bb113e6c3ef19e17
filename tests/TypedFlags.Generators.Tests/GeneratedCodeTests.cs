using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using TypedFlags.Generators.Tests.Infrastructure;
using Xunit;

namespace TypedFlags.Generators.Tests;

/// <summary>The emitted source: it compiles cleanly, matches the checked-in baselines, and is deterministic.</summary>
public sealed class GeneratedCodeTests
{
    private const string EveryType = """
        version: 1
        flags:
          beta.banner:
            description: "Shows <b>beta</b> & \"new\" banner"
            default: shadow
          search.max_results:
            description: |
              Most results a search returns.
              Second line of the description.
            type: int
            default: -3
          pricing.rate:
            description: Discount rate
            type: double
            default: 0.125
            environments: { staging: 1e-3 }
          support.text:
            description: Banner text
            type: string
            default: "line\nbreak \u00e9"
          checkout.layout:
            description: Layout
            type: variant
            variants: [classic, compact-v2, wide_screen]
            default: wide_screen
            bucket_by: tenant
            split: { compact-v2: 33.333 }
        """;

    public static TheoryData<string, string?, string> Baselines => new()
    {
        { File.ReadAllText(RepositoryPaths.SampleManifest), "Contoso.Billing", "Contoso.Billing.AppFlags.g.cs" },
        { EveryType, null, "Flags.g.cs" },
        { EveryType, "My.Root", "My.Root.Flags.g.cs" },
    };

    [Theory]
    [MemberData(nameof(Baselines))]
    public async Task Generated_code_compiles_without_any_diagnostic(string manifest, string? rootNamespace, string hintName)
    {
        // The framework expects no generator diagnostic and no compiler diagnostic above hidden; the generated file
        // must be the only one, named hintName (its content is the baseline test's business).
        var test = new GeneratorVerifierTest(manifest, rootNamespace);
        test.Generates(hintName, File.ReadAllText(Path.Combine(RepositoryPaths.Baselines, hintName)));

        await test.RunAsync();
    }

    [Theory]
    [MemberData(nameof(Baselines))]
    public async Task Generated_code_matches_the_baseline(string manifest, string? rootNamespace, string hintName)
    {
        var baselinePath = Path.Combine(RepositoryPaths.Baselines, hintName);

        // TYPEDFLAGS_UPDATE_BASELINES=1 rewrites the baselines after an intended change; review the diff.
        if (Environment.GetEnvironmentVariable("TYPEDFLAGS_UPDATE_BASELINES") == "1")
        {
            File.WriteAllText(baselinePath, GeneratorHarness.Run(manifest, rootNamespace).GeneratedSource(hintName));
        }

        Assert.True(File.Exists(baselinePath), "Missing baseline " + baselinePath + " (run with TYPEDFLAGS_UPDATE_BASELINES=1)");
        var test = new GeneratorVerifierTest(manifest, rootNamespace);
        test.Generates(hintName, File.ReadAllText(baselinePath));

        await test.RunAsync();
    }

    [Fact]
    public async Task Generated_code_compiles_in_csharp_7_3_the_default_of_netstandard2_0_projects()
    {
        var parseOptions = new Microsoft.CodeAnalysis.CSharp.CSharpParseOptions(Microsoft.CodeAnalysis.CSharp.LanguageVersion.CSharp7_3, DocumentationMode.Diagnose);
        const string consumer = "namespace Consumer { internal static class Usage { internal static bool Run() { var flags = Contoso.Billing.AppFlags.Create(); return flags.InvoicesWrite.IsEnabledFor(\"alice\") && flags.SupportBannerText.Value.Length > 0; } } }";
        var manifest = File.ReadAllText(RepositoryPaths.SampleManifest);

        // What the generator emits for C# 7.3: no #nullable (a C# 8 directive).
        var driver = GeneratorHarness.Driver(new[] { new InMemoryAdditionalText(GeneratorHarness.ManifestPath, manifest) }, parseOptions: parseOptions)
            .RunGenerators(GeneratorHarness.Compilation(parseOptions, consumer));
        var source = driver.GetRunResult().Results.Single().GeneratedSources.Single().SourceText.ToString();
        Assert.DoesNotContain("#nullable", source);

        // That exact file, in a C# 7.3 project without a nullable context: no generator or compiler diagnostic.
        var test = new GeneratorVerifierTest(manifest, "Contoso.Billing", consumer) { ParseOptionsToUse = parseOptions };
        test.SolutionTransforms.Add((solution, projectId) => solution.WithProjectCompilationOptions(
            projectId,
            new Microsoft.CodeAnalysis.CSharp.CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary)));
        test.Generates("Contoso.Billing.AppFlags.g.cs", source);

        await test.RunAsync();
    }

    [Fact]
    public void The_manifest_carries_stale_after_and_each_flags_kind_lifetime_for_the_admin_badges()
    {
        const string manifest = "version: 1\nstale_after: 14d\nlifetimes:\n  release: never\n  experiment: 20d\nflags:\n  a.release:\n    description: x\n  b.trial:\n    description: y\n    kind: experiment\n";

        var result = GeneratorHarness.Run(manifest, rootNamespace: null);
        var source = result.GeneratedSource("Flags.g.cs");

        Assert.Empty(result.Described);
        Assert.Empty(result.CompilerDiagnostics);

        Assert.Contains("staleAfterDays: 14);", source);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(source, "lifetimeDays: "));
        Assert.Contains("kind: global::TypedFlags.FlagKind.Experiment,\n", source);
        Assert.Contains("lifetimeDays: 20),", source);
    }

    [Fact]
    public void The_same_input_gives_byte_identical_output()
    {
        var manifest = File.ReadAllText(RepositoryPaths.SampleManifest);
        var first = GeneratorHarness.Run(manifest).GeneratedSource("Contoso.Billing.AppFlags.g.cs");
        var second = GeneratorHarness.Run(manifest).GeneratedSource("Contoso.Billing.AppFlags.g.cs");

        Assert.Equal(System.Text.Encoding.UTF8.GetBytes(first), System.Text.Encoding.UTF8.GetBytes(second));
        Assert.DoesNotContain("\r", first);
        Assert.StartsWith("// <auto-generated/>", first);
        Assert.Contains("#nullable enable", first);
    }

    [Fact]
    public async Task Generated_code_can_be_used_from_consumer_code()
    {
        const string consumer = """
            using Contoso.Billing;
            using TypedFlags;

            namespace Consumer;

            internal static class Usage
            {
                public static string Run()
                {
                    var flags = AppFlags.Create();
                    bool write = flags.InvoicesWrite.IsEnabledFor(new FlagContext { TargetingKey = "alice", Tenant = "acme" });
                    CheckoutLayout layout = flags.CheckoutLayout.GetValue("bob");
                    int max = flags.SearchMaxResults.Value;
                    double rate = flags.PricingDiscountRate.Value;
                    string text = flags.SupportBannerText.Value;
                    var fake = AppFlags.ForTesting(o => { o.InvoicesWrite = true; o.CheckoutLayout = CheckoutLayout.Wide; o.SearchMaxResults = 7; });
                    IFlagSet<AppFlags> bindable = flags;
                    var alice = bindable.For(new FlagContext { TargetingKey = "alice", Tenant = "acme" });
                    bool bound = alice.InvoicesWrite.IsEnabled || alice.InvoicesWrite.IsShadow;
                    return AppFlags.Keys.InvoicesWrite + write + layout + max + rate + text + fake.CheckoutLayout.Value + bound + alice.CheckoutLayout.Value + alice.SearchMaxResults.Value;
                }
            }
            """;
        var test = new GeneratorVerifierTest(File.ReadAllText(RepositoryPaths.SampleManifest), "Contoso.Billing", consumer);
        test.Generates("Contoso.Billing.AppFlags.g.cs", File.ReadAllText(Path.Combine(RepositoryPaths.Baselines, "Contoso.Billing.AppFlags.g.cs")));

        await test.RunAsync();
    }

    [Fact]
    public void Accessors_carry_the_declared_facts_in_their_xml_docs()
    {
        var source = GeneratorHarness.Run(File.ReadAllText(RepositoryPaths.SampleManifest)).GeneratedSource("Contoso.Billing.AppFlags.g.cs");

        Assert.Contains("/// Create and edit invoices", source);
        Assert.Contains("Phase <c>beta</c>. Rollout 10% by user.", source);
        Assert.Contains("Configuration key <c>Flags:invoices.write</c>; environment variable <c>VITE_INVOICES_WRITE</c>.", source);
        Assert.Contains("Owner: billing-team.", source);
        Assert.Contains("Expires 2027-01-31.", source);
        Assert.Contains("environment variable <c>BILLING_READ_ONLY</c>", source);
        Assert.Contains("public global::TypedFlags.BoolFlag SessionPersistencePhase2EnhancedStorage { get; }", source);
        Assert.Contains("public const string UnifiedWorkflowRead = \"unified_workflow_read\";", source);
        Assert.Contains("public enum CheckoutLayout", source);
    }
}
