using System;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using TypedFlags.Generators.Diagnostics;
using TypedFlags.Generators.Tests.Infrastructure;
using TypedFlags.Manifest.Diagnostics;
using Xunit;

namespace TypedFlags.Generators.Tests;

/// <summary>flags.yaml problems surface as TF diagnostics located in flags.yaml, never as generator crashes.</summary>
public sealed class DiagnosticTests
{
    [Fact]
    public void A_manifest_error_is_reported_at_its_line_and_column_in_flags_yaml()
    {
        const string manifest = "version: 1\nflags:\n  invoices.write:\n    description: Write invoices\n    rollout: 150\n";

        var result = GeneratorHarness.Run(manifest);

        var diagnostic = Assert.Single(result.AllDiagnostics);
        Assert.Equal("TF0006", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        var span = diagnostic.Location.GetLineSpan();
        Assert.Equal(GeneratorHarness.ManifestPath, span.Path);
        Assert.Equal(4, span.StartLinePosition.Line);        // 0-based: line 5
        Assert.Equal(13, span.StartLinePosition.Character);  // 0-based: column 14
        Assert.Equal(ManifestRules.HelpLinkBase + "TF0006.md", diagnostic.Descriptor.HelpLinkUri);
    }

    [Fact]
    public void Valid_flags_still_generate_when_another_flag_is_broken()
    {
        const string manifest = "version: 1\nflags:\n  good.flag:\n    description: Fine\n  bad.flag:\n    description: Broken\n    type: integer\n";

        var result = GeneratorHarness.Run(manifest);

        Assert.Equal("TF0005", Assert.Single(result.AllDiagnostics).Id);
        var source = result.GeneratedSource("Contoso.Billing.Flags.g.cs");
        Assert.Contains("GoodFlag", source);
        Assert.DoesNotContain("BadFlag", source);
    }

    [Fact]
    public void A_yaml_syntax_error_generates_nothing_and_reports_TF0001()
    {
        var result = GeneratorHarness.Run("version: 1\nflags:\n  a.b: [unclosed\n");

        var diagnostic = Assert.Single(result.AllDiagnostics);
        Assert.Equal("TF0001", diagnostic.Id);
        Assert.Empty(result.RunResult.Results.Single().GeneratedSources);
        Assert.Null(result.RunResult.Results.Single().Exception);
    }

    [Fact]
    public void An_alias_to_an_undefined_anchor_is_TF0001_at_the_alias()
    {
        var result = GeneratorHarness.Run("version: 1\nflags:\n  a.b:\n    description: x\n    phase: *nope\n");

        Assert.Equal(
            new[] { "TF0001 /project/flags.yaml(5,12): The alias '*nope' refers to an anchor '&nope' that is not defined before it; define the anchor first, or write the value instead of the alias." },
            result.Described);
    }

    [Theory]
    [InlineData("version: 1\nflags:\n  a.b:\n    description: caf\uFFFD au lait\n", 4, 21)]
    [InlineData("\uFEFFversion: 1\r\n# \uFFFD\r\nflags: {}\r\n", 2, 3)]
    public void A_byte_the_compiler_could_not_decode_is_TF0022_at_its_line_and_column_and_generates_nothing(string text, int line, int column)
    {
        // The compiler decodes AdditionalFiles itself and puts U+FFFD where the bytes are not UTF-8 (Latin-1 'é' here).
        var result = GeneratorHarness.Run(text);

        Assert.Equal(
            new[] { $"TF0022 /project/flags.yaml({line},{column}): flags.yaml is not valid UTF-8: the compiler could not decode the bytes here and read them as U+FFFD; save the file as UTF-8" },
            result.Described);
        Assert.Empty(result.RunResult.Results.Single().GeneratedSources);
    }

    [Fact]
    public void Two_manifests_generating_the_same_class_report_TF0023()
    {
        const string manifest = "version: 1\nflags:\n  a.b:\n    description: A\n";
        var driver = GeneratorHarness.Driver(new[]
        {
            new InMemoryAdditionalText("/project/flags.yaml", manifest),
            new InMemoryAdditionalText("/project/sub/flags.yaml", manifest),
        });

        var result = driver.RunGenerators(GeneratorHarness.Compilation("class A { }")).GetRunResult();

        Assert.Equal("TF0023", Assert.Single(result.Diagnostics).Id);
        Assert.Single(result.Results.Single().GeneratedSources);
    }

    [Fact]
    public void Metadata_selects_manifests_by_any_name_and_can_exclude_flags_yaml()
    {
        const string manifest = "version: 1\nclass: {0}\nflags:\n  a.b:\n    description: A\n";
        var driver = GeneratorHarness.Driver(
            new[]
            {
                new InMemoryAdditionalText("/project/features.yml", string.Format(manifest, "Features")),
                new InMemoryAdditionalText("/project/flags.yaml", string.Format(manifest, "Ignored")),
                new InMemoryAdditionalText("/project/appsettings.json", "{}"),
            },
            fileMetadata: new System.Collections.Generic.Dictionary<string, System.Collections.Generic.IReadOnlyDictionary<string, string>>
            {
                ["/project/features.yml"] = new System.Collections.Generic.Dictionary<string, string> { [ProjectFiles.ManifestMetadata] = "true" },
                ["/project/flags.yaml"] = new System.Collections.Generic.Dictionary<string, string> { [ProjectFiles.ManifestMetadata] = "false" },
            });

        var result = driver.RunGenerators(GeneratorHarness.Compilation("class A { }")).GetRunResult();

        Assert.Empty(result.Diagnostics);
        Assert.Equal("Contoso.Billing.Features.g.cs", Assert.Single(result.Results.Single().GeneratedSources).HintName);
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
