using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using TypedFlags.Analyzers;
using TypedFlags.Cleanup;

namespace TypedFlags.CodeFixes;

/// <summary>
/// TF1101/TF1102 "Remove stale flag": inline the flag's final value and simplify what follows, with
/// <see cref="StaleFlagRemover"/>. When flags.yaml decides the final value there is one action, and Fix All
/// (document, project, solution, or <c>dotnet format analyzers</c>) removes every such use. When it does not, the
/// fix offers both values for that one flag, and Fix All applies the chosen value to that flag only; a batch run
/// without a chosen action (<c>dotnet format</c>) leaves such flags alone.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(RemoveStaleFlagCodeFixProvider))]
[Shared]
public sealed class RemoveStaleFlagCodeFixProvider : CodeFixProvider
{
    /// <summary>Equivalence key of "inline the final value flags.yaml decides".</summary>
    public const string InlineFinalValue = "TypedFlags.RemoveStaleFlag";

    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create("TF1101", "TF1102");

    /// <inheritdoc />
    public override FixAllProvider GetFixAllProvider() => FixAllProvider.Create(FixDocumentAsync);

    /// <summary>Equivalence key of "remove <paramref name="key"/> as if its final value were <paramref name="value"/>".</summary>
    public static string Assume(string key, bool value) => InlineFinalValue + ":" + key + "=" + (value ? "true" : "false");

    /// <inheritdoc />
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            if (!diagnostic.Location.IsInSource
                || !diagnostic.Properties.TryGetValue(DiagnosticProperties.Key, out var key) || key is null
                || !StaleFlagRemover.CanRemove(root, diagnostic.Location.SourceSpan))
            {
                continue;
            }

            if (FinalValue(diagnostic) is { } final)
            {
                context.RegisterCodeFix(
                    CodeAction.Create($"Remove stale flag '{key}' (inline {Word(final)})", token => Apply(context.Document, new[] { diagnostic }, _ => final, token), InlineFinalValue),
                    diagnostic);
                continue;
            }

            // The two guesses hang under one parent: a batch fixer that takes the first action it is given (dotnet
            // format) gets the parent, whose key is not an assumption, so it fixes only the flags whose final value
            // flags.yaml decides. The IDE inlines the two choices, each with its own Fix All for this flag.
            var choices = ImmutableArray.Create(
                Assumption(context.Document, diagnostic, key, true),
                Assumption(context.Document, diagnostic, key, false));
            context.RegisterCodeFix(CodeAction.Create($"Remove stale flag '{key}'", choices, isInlinable: true), diagnostic);
        }
    }

    private static CodeAction Assumption(Document document, Diagnostic diagnostic, string key, bool assumed) =>
        CodeAction.Create($"Remove stale flag '{key}' as {Word(assumed)}", token => Apply(document, new[] { diagnostic }, _ => assumed, token), Assume(key, assumed));

    private static async Task<Document?> FixDocumentAsync(FixAllContext context, Document document, ImmutableArray<Diagnostic> diagnostics)
    {
        var key = context.CodeActionEquivalenceKey;
        var chosen = new List<Diagnostic>();
        foreach (var diagnostic in diagnostics)
        {
            if (Value(diagnostic, key) is not null)
            {
                chosen.Add(diagnostic);
            }
        }

        return chosen.Count == 0 ? document : await Apply(document, chosen, diagnostic => Value(diagnostic, key)!.Value, context.CancellationToken).ConfigureAwait(false);
    }

    /// <summary>The value the action with <paramref name="equivalenceKey"/> inlines for <paramref name="diagnostic"/>, or null when it does not apply.</summary>
    /// <remarks>
    /// An assumption key ("as true" for one flag) applies to that flag only. Any other key — ours, null, or the one
    /// Roslyn derives for the parent of the two assumptions — inlines the final values flags.yaml decides.
    /// </remarks>
    private static bool? Value(Diagnostic diagnostic, string? equivalenceKey)
    {
        var assumption = Assumption(equivalenceKey);
        if (assumption is null)
        {
            return FinalValue(diagnostic);
        }

        return FinalValue(diagnostic) is null
            && diagnostic.Properties.TryGetValue(DiagnosticProperties.Key, out var key)
            && key == assumption.Value.Key
                ? assumption.Value.Value
                : null;
    }

    private static (string Key, bool Value)? Assumption(string? equivalenceKey)
    {
        const string Prefix = InlineFinalValue + ":";
        if (equivalenceKey is null || !equivalenceKey.StartsWith(Prefix, System.StringComparison.Ordinal) || equivalenceKey.IndexOf(';') >= 0)
        {
            return null;
        }

        var equals = equivalenceKey.LastIndexOf('=');
        var value = equivalenceKey.Substring(equals + 1);
        return equals < Prefix.Length || (value != "true" && value != "false")
            ? null
            : (equivalenceKey.Substring(Prefix.Length, equals - Prefix.Length), value == "true");
    }

    private static bool? FinalValue(Diagnostic diagnostic) =>
        diagnostic.Properties.TryGetValue(DiagnosticProperties.FinalValue, out var text) ? text switch { "true" => true, "false" => false, _ => null } : null;

    private static string Word(bool value) => value ? "true" : "false";

    private static async Task<Document> Apply(Document document, IEnumerable<Diagnostic> diagnostics, System.Func<Diagnostic, bool> valueOf, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return document;
        }

        var replacements = diagnostics.Where(d => d.Location.IsInSource).Select(d => new FlagReplacement(d.Location.SourceSpan, valueOf(d)));
        var updated = StaleFlagRemover.Remove(root, replacements);
        return updated == root ? document : document.WithSyntaxRoot(updated);
    }
}
