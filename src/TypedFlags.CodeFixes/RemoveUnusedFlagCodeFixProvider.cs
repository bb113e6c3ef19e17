using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Text;
using TypedFlags.Analyzers;
using TypedFlags.Manifest.Editing;
using TypedFlags.Manifest.Parsing;
using TypedFlags.Manifest.Staleness;

namespace TypedFlags.CodeFixes;

/// <summary>
/// TF1104 "Remove unused flag from flags.yaml": deletes the entry of a flag no code references — the last step after
/// "Remove stale flag" has inlined every use. Works on flags.yaml as an additional document, so it is offered where the
/// host supports fixes in additional files (Visual Studio); <c>dotnet format</c> only fixes C# documents.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(RemoveUnusedFlagCodeFixProvider), DocumentKinds = new[] { nameof(TextDocumentKind.AdditionalDocument) })]
[Shared]
public sealed class RemoveUnusedFlagCodeFixProvider : CodeFixProvider
{
    /// <summary>Equivalence key of the action.</summary>
    public const string RemoveEntry = "TypedFlags.RemoveUnusedFlag";

    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create("TF1104");

    /// <inheritdoc />
    public override FixAllProvider? GetFixAllProvider() => null;

    /// <inheritdoc />
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var document = context.TextDocument;
        var text = await document.GetTextAsync(context.CancellationToken).ConfigureAwait(false);
        var manifest = ManifestParser.Parse(text.ToString(), context.CancellationToken).Model;
        foreach (var diagnostic in context.Diagnostics)
        {
            var span = diagnostic.Location.SourceSpan;
            if (span.End > text.Length)
            {
                continue;
            }

            var key = diagnostic.Properties.TryGetValue(DiagnosticProperties.Key, out var named) && named is not null ? named : text.ToString(span);
            if (manifest is null || FlagPrerequisites.DependentsOf(manifest.Flags, key).Count > 0)
            {
                // The diagnostic may be older than the file: a flag another flag now requires is in use, and deleting
                // it would break the dependent's declaration.
                continue;
            }

            if (FlagEntryRemoval.Remove(text.ToString(), span.Start) is not { } updated)
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create(
                    $"Remove unused flag '{key}' from {System.IO.Path.GetFileName(document.FilePath ?? document.Name)}",
                    token => Apply(document, text, updated, token),
                    RemoveEntry),
                diagnostic);
        }
    }

    private static Task<Solution> Apply(TextDocument document, SourceText original, string updated, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var text = SourceText.From(updated, original.Encoding, original.ChecksumAlgorithm);
        return Task.FromResult(document.Project.Solution.WithAdditionalDocumentText(document.Id, text));
    }
}
