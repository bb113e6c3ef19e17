using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Text;
using TypedFlags.Analyzers.Tests.Infrastructure;
using TypedFlags.CodeFixes;
using Xunit;

namespace TypedFlags.Analyzers.Tests;

/// <summary>TF1104 "Remove unused flag from flags.yaml" on flags.yaml as an additional document of an AdhocWorkspace.</summary>
/// <remarks>
/// On the FixWorkspace helper, not the testing framework: TF1104 is located in flags.yaml, an additional document,
/// and Microsoft.CodeAnalysis.CodeFix.Testing 1.1.4 does not apply a fix for a diagnostic located there (tried with
/// the FixedState holding the edited flags.yaml: the framework left the file unchanged).
/// </remarks>
public sealed class RemoveUnusedFlagCodeFixTests
{
    private const string Manifest = """
        version: 1
        flags:
          # Shown to beta users
          beta.banner:
            description: Beta banner

          old.search:
            description: Old search, its last use already removed
            expires: 2026-11-01
            targeting:
              allow: [alice]

          new.checkout:
            description: New checkout
        """;

    private const string Source = """
        public static class Uses
        {
            public static bool A(Consumer.Flags flags) => flags.BetaBanner.IsEnabled && flags.NewCheckout.IsEnabled;
        }
        """;

    [Fact]
    public async Task Removes_the_entry_and_the_project_still_builds_without_it()
    {
        var project = new ConsumerProject(Manifest, Source);
        var unused = Assert.Single((await project.DiagnosticsAsync()).Where(d => d.Id == "TF1104"));
        using var workspace = new FixWorkspace(project);
        var flagsYaml = workspace.AddAdditionalDocument(ConsumerProject.ManifestPath, Manifest);

        var actions = new List<CodeAction>();
        await new RemoveUnusedFlagCodeFixProvider().RegisterCodeFixesAsync(
            new CodeFixContext(flagsYaml, unused, (action, _) => actions.Add(action), CancellationToken.None));

        var action = Assert.Single(actions);
        Assert.Equal("Remove unused flag 'old.search' from flags.yaml", action.Title);
        var fixedSolution = await FixWorkspace.ApplyAsync(action);
        var fixedText = (await fixedSolution.GetAdditionalDocument(flagsYaml.Id)!.GetTextAsync()).ToString();
        Assert.Equal(
            """
            version: 1
            flags:
              # Shown to beta users
              beta.banner:
                description: Beta banner

              new.checkout:
                description: New checkout
            """,
            fixedText);

        // The generator and the analyzers over the edited flags.yaml: no manifest error, nothing unused, and the code compiles.
        var rebuilt = await new ConsumerProject(fixedText, Source).DiagnosticsAsync();
        Assert.Empty(rebuilt.Where(d => d.Id.StartsWith("TF0", System.StringComparison.Ordinal) || d.Id == "TF1104"));
    }

    [Fact]
    public void The_provider_is_exported_for_additional_documents()
    {
        var export = (ExportCodeFixProviderAttribute)System.Attribute.GetCustomAttribute(typeof(RemoveUnusedFlagCodeFixProvider), typeof(ExportCodeFixProviderAttribute))!;

        Assert.Equal(new[] { nameof(TextDocumentKind.AdditionalDocument) }, export.DocumentKinds);
        Assert.Equal(new[] { "TF1104" }, new RemoveUnusedFlagCodeFixProvider().FixableDiagnosticIds.ToArray());
    }

    [Fact]
    public async Task Never_removes_a_flag_another_flag_requires_even_for_a_diagnostic_older_than_the_file()
    {
        // The TF1104 below was reported before 'new.checkout' started to require 'old.search' (the user edited flags.yaml
        // since): the fix must not delete a prerequisite, or flags.yaml stops building (TF0009).
        var project = new ConsumerProject(Manifest, Source);
        var unused = Assert.Single((await project.DiagnosticsAsync()).Where(d => d.Id == "TF1104"));
        var edited = Manifest.Replace(
            """
              new.checkout:
                description: New checkout
            """,
            """
              new.checkout:
                description: New checkout
                requires: [old.search]
            """);
        Assert.NotEqual(Manifest, edited);
        using var workspace = new FixWorkspace(project);
        var flagsYaml = workspace.AddAdditionalDocument(ConsumerProject.ManifestPath, edited);

        var actions = new List<CodeAction>();
        await new RemoveUnusedFlagCodeFixProvider().RegisterCodeFixesAsync(
            new CodeFixContext(flagsYaml, unused, (action, _) => actions.Add(action), CancellationToken.None));

        Assert.Empty(actions);
        Assert.Empty((await new ConsumerProject(edited, Source).DiagnosticsAsync()).Where(d => d.Id == "TF1104"));
    }
}
