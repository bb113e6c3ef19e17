using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using TypedFlags.Generators.Analyzers;
using TypedFlags.Generators.Diagnostics;
using TypedFlags.Generators.Tests.Infrastructure;
using TypedFlags.Manifest.Diagnostics;
using Xunit;

namespace TypedFlags.Generators.Tests;

/// <summary>flags.yaml problems surface as TF diagnostics located in flags.yaml, never as generator crashes.</summary>
public sealed class DiagnosticTests
{
    [Fact]
    public async Task A_manifest_error_is_reported_at_its_line_and_column_in_flags_yaml()
    {
        var test = new GeneratorVerifierTest("version: 1\nflags:\n  invoices.write:\n    description: Write invoices\n    rollout: {|#0:150|}\n");
        test.ExpectedDiagnostics.Add(new DiagnosticResult("TF0006", DiagnosticSeverity.Error).WithLocation(0));
        test.TestBehaviors |= TestBehaviors.SkipGeneratedSourcesCheck;

        await test.RunAsync();
        Assert.Equal(ManifestRules.HelpLinkBase + "TF0006.md", ManifestDescriptors.ById["TF0006"].HelpLinkUri);
    }

    [Fact]
    public async Task Valid_flags_still_generate_when_another_flag_is_broken()
    {
        const string manifest = "version: 1\nflags:\n  good.flag:\n    description: Fine\n  bad.flag:\n    description: Broken\n    type: integer\n";
        var source = GeneratorHarness.Run(manifest).GeneratedSource("Contoso.Billing.Flags.g.cs");
        Assert.Contains("GoodFlag", source);
        Assert.DoesNotContain("BadFlag", source);

        // One TF0005 at the bad type, and that one generated file, which compiles without a diagnostic.
        var test = new GeneratorVerifierTest(manifest.Replace("type: integer", "type: {|#0:integer|}"));
        test.ExpectedDiagnostics.Add(new DiagnosticResult("TF0005", DiagnosticSeverity.Error).WithLocation(0));
        test.Generates("Contoso.Billing.Flags.g.cs", source);

        await test.RunAsync();
    }

    [Fact]
    public async Task A_yaml_syntax_error_generates_nothing_and_reports_TF0001()
    {
        // No GeneratedSources: the framework checks that nothing is generated (and a generator exception would fail).
        var test = new GeneratorVerifierTest("version: 1\nflags:\n  a.b: [unclosed\n{|#0:|}");
        test.ExpectedDiagnostics.Add(new DiagnosticResult("TF0001", DiagnosticSeverity.Error).WithLocation(0));

        await test.RunAsync();
    }

    [Fact]
    public async Task An_alias_to_an_undefined_anchor_is_TF0001_at_the_alias()
    {
        var test = new GeneratorVerifierTest("version: 1\nflags:\n  a.b:\n    description: x\n    phase: {|#0:*nope|}\n");
        test.ExpectedDiagnostics.Add(new DiagnosticResult("TF0001", DiagnosticSeverity.Error).WithLocation(0)
            .WithMessage("The alias '*nope' refers to an anchor '&nope' that is not defined before it; define the anchor first, or write the value instead of the alias."));
        test.TestBehaviors |= TestBehaviors.SkipGeneratedSourcesCheck;

        await test.RunAsync();
    }

    [Theory]
    [InlineData("version: 1\nflags:\n  a.b:\n    description: caf\uFFFD au lait\n", 4, 21)]
    [InlineData("\uFEFFversion: 1\r\n# \uFFFD\r\nflags: {}\r\n", 2, 3)]
    public async Task A_byte_the_compiler_could_not_decode_is_TF0022_at_its_line_and_column_and_generates_nothing(string text, int line, int column)
    {
        // The compiler decodes AdditionalFiles itself and puts U+FFFD where the bytes are not UTF-8 (Latin-1 'é' here).
        // No GeneratedSources: the framework checks that nothing is generated.
        var test = new GeneratorVerifierTest(text.Replace("\uFFFD", "{|#0:\uFFFD|}"));
        test.ExpectedDiagnostics.Add(new DiagnosticResult("TF0022", DiagnosticSeverity.Error).WithLocation(0)
            .WithMessage("flags.yaml is not valid UTF-8: the compiler could not decode the bytes here and read them as U+FFFD; save the file as UTF-8"));

        await test.RunAsync();
        var lines = text.Split('\n');
        Assert.Equal(column - 1, lines[line - 1].IndexOf('\uFFFD'));
    }

    [Fact]
    public async Task Two_manifests_generating_the_same_class_report_TF0023()
    {
        const string manifest = "version: 1\nflags:\n  a.b:\n    description: A\n";
        var test = new GeneratorVerifierTest(manifest);
        test.TestState.AdditionalFiles.Add(("/0/sub/flags.yaml", "{|#0:|}" + manifest));
        test.ExpectedDiagnostics.Add(new DiagnosticResult("TF0023", DiagnosticSeverity.Error).WithLocation(0));
        test.Generates("Contoso.Billing.Flags.g.cs", GeneratorHarness.Run(manifest).GeneratedSource("Contoso.Billing.Flags.g.cs"));

        await test.RunAsync();
    }

    [Fact]
    public async Task Metadata_selects_manifests_by_any_name_and_can_exclude_flags_yaml()
    {
        const string manifest = "version: 1\nclass: {0}\nflags:\n  a.b:\n    description: A\n";
        var test = new GeneratorVerifierTest(null, "Contoso.Billing", "class A { }");
        test.TestState.AdditionalFiles.Add(("/0/features.yml", string.Format(manifest, "Features")));
        test.TestState.AdditionalFiles.Add(("/0/flags.yaml", string.Format(manifest, "Ignored")));
        test.TestState.AdditionalFiles.Add(("/0/appsettings.json", "{}"));
        // Per-file AdditionalFiles metadata, as MSBuild passes it: a global config with one section per file.
        test.TestState.AnalyzerConfigFiles.Add(("/.files.globalconfig", $"""
            is_global = true

            [/0/features.yml]
            {ProjectFiles.ManifestMetadata} = true

            [/0/flags.yaml]
            {ProjectFiles.ManifestMetadata} = false
            """));
        var expected = GeneratorHarness.Run(string.Format(manifest, "Features")).GeneratedSource("Contoso.Billing.Features.g.cs");
        test.Generates("Contoso.Billing.Features.g.cs", expected);

        await test.RunAsync();
    }

    [Fact]
    public void Every_manifest_rule_has_a_descriptor_and_a_release_entry()
    {
        var unshipped = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "src", "TypedFlags.Generators", "AnalyzerReleases.Unshipped.md"));
        foreach (var rule in ManifestRules.All)
        {
            var descriptor = ManifestDescriptors.ById[rule.Id];
            Assert.Equal(rule.Title, descriptor.Title.ToString());
            Assert.Equal(rule.MessageFormat, descriptor.MessageFormat.ToString());
            Assert.Equal(rule.HelpLink, descriptor.HelpLinkUri);
            Assert.Contains($"{rule.Id} | {ManifestDescriptors.Category} | Error | {rule.Title}", unshipped);
            var page = Path.Combine(RepositoryPaths.Root, "docs", "diagnostics", rule.Id + ".md");
            Assert.True(File.Exists(page), "missing help page " + page);
            Assert.StartsWith($"# {rule.Id}: {rule.Title}", File.ReadAllText(page));
        }

        Assert.Equal(ManifestRules.All.Count, ManifestDescriptors.ById.Count);
    }
}
