using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Simplification;
using TypedFlags.Analyzers;
using TypedFlags.Cleanup;

namespace TypedFlags.CodeFixes;

/// <summary>
/// TF1101/TF1102 "Remove stale flag": inline the flag's final value and simplify what follows, with
/// <see cref="StaleFlagRemover"/>; for int, double, string and variant flags the value read becomes the final value. When flags.yaml decides the final value there is one action, and Fix All
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
            var read = diagnostic.Location.IsInSource ? StaleFlagRemover.ReadAt(root, diagnostic.Location.SourceSpan) : FlagReadKind.None;
            if (read == FlagReadKind.None || !diagnostic.Properties.TryGetValue(DiagnosticProperties.Key, out var key) || key is null)
            {
                continue;
            }

            if (read == FlagReadKind.Value)
            {
                // An int, double, string or variant flag: one value to inline when flags.yaml decides it, no guesses.
                if (FinalExpression(diagnostic) is { } expression && IsSafe(root, new FlagReplacement(diagnostic.Location.SourceSpan, false) { Expression = expression }))
                {
                    context.RegisterCodeFix(
                        CodeAction.Create($"Remove stale flag '{key}' (inline {Shown(expression)})", token => Apply(context.Document, new[] { diagnostic }, InlineFinalValue, token), InlineFinalValue),
                        diagnostic);
                }

                continue;
            }

            if (FinalValue(diagnostic) is { } final)
            {
                if (!IsSafe(root, new FlagReplacement(diagnostic.Location.SourceSpan, final)))
                {
                    continue;
                }

                context.RegisterCodeFix(
                    CodeAction.Create($"Remove stale flag '{key}' (inline {Word(final)})", token => Apply(context.Document, new[] { diagnostic }, InlineFinalValue, token), InlineFinalValue),
                    diagnostic);
                continue;
            }

            // The two guesses hang under one parent: a batch fixer that takes the first action it is given (dotnet
            // format) gets the parent, whose key is not an assumption, so it fixes only the flags whose final value
            // flags.yaml decides. The IDE inlines the two choices, each with its own Fix All for this flag.
            var choices = new[] { true, false }
                .Where(assumed => IsSafe(root, new FlagReplacement(diagnostic.Location.SourceSpan, assumed)))
                .Select(assumed => Assumption(context.Document, diagnostic, key, assumed))
                .ToImmutableArray();
            if (choices.IsEmpty)
            {
                continue;
            }

            context.RegisterCodeFix(CodeAction.Create($"Remove stale flag '{key}'", choices, isInlinable: true), diagnostic);
        }
    }

    /// <summary>
    /// Whether the engine would rewrite this read. One it leaves alone (a null-conditional chain, nameof, directives
    /// in the code it would remove...) keeps its diagnostic and gets no fix; the reason is in the engine's result.
    /// </summary>
    private static bool IsSafe(SyntaxNode root, FlagReplacement replacement) =>
        StaleFlagRemover.Rewrite(root, new[] { replacement }).Skipped.Count == 0;

    private static CodeAction Assumption(Document document, Diagnostic diagnostic, string key, bool assumed) =>
        CodeAction.Create($"Remove stale flag '{key}' as {Word(assumed)}", token => Apply(document, new[] { diagnostic }, Assume(key, assumed), token), Assume(key, assumed));

    private static async Task<Document?> FixDocumentAsync(FixAllContext context, Document document, ImmutableArray<Diagnostic> diagnostics) =>
        await Apply(document, diagnostics, context.CodeActionEquivalenceKey, context.CancellationToken).ConfigureAwait(false);

    /// <summary>What the action with <paramref name="equivalenceKey"/> inlines for <paramref name="diagnostic"/>, or null when it does not apply.</summary>
    /// <remarks>
    /// An assumption key ("as true" for one flag) applies to that flag only. Any other key — ours, null, or the one
    /// Roslyn derives for the parent of the two assumptions — inlines the final values flags.yaml decides.
    /// </remarks>
    private static FlagReplacement? Replacement(Diagnostic diagnostic, string? equivalenceKey)
    {
        var span = diagnostic.Location.SourceSpan;
        var expression = FinalExpression(diagnostic);
        var final = FinalValue(diagnostic);
        if (Assumption(equivalenceKey) is not { } assumption)
        {
            return expression is not null ? new FlagReplacement(span, false) { Expression = expression }
                : final is { } value ? new FlagReplacement(span, value)
                : null;
        }

        return final is null && expression is null
            && diagnostic.Properties.TryGetValue(DiagnosticProperties.Key, out var key)
            && key == assumption.Key
                ? new FlagReplacement(span, assumption.Value)
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

    private static string? FinalExpression(Diagnostic diagnostic) =>
        diagnostic.Properties.TryGetValue(DiagnosticProperties.FinalExpression, out var expression) && !string.IsNullOrEmpty(expression) ? expression : null;

    private static string Word(bool value) => value ? "true" : "false";

    /// <summary>The value for a title: <c>Layout.Compact</c> rather than <c>global::Ns.Layout.Compact</c>.</summary>
    private static string Shown(string expression)
    {
        if (!expression.StartsWith("global::", System.StringComparison.Ordinal))
        {
            return expression;
        }

        var member = expression.LastIndexOf('.');
        var type = member > 0 ? expression.LastIndexOf('.', member - 1) : -1;
        return type >= 0 ? expression.Substring(type + 1) : expression.Substring("global::".Length);
    }

    private static async Task<Document> Apply(Document document, IEnumerable<Diagnostic> diagnostics, string? equivalenceKey, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return document;
        }

        var replacements = new List<FlagReplacement>();
        foreach (var diagnostic in diagnostics)
        {
            if (diagnostic.Location.IsInSource && Replacement(diagnostic, equivalenceKey) is { } replacement)
            {
                replacements.Add(replacement);
            }
        }

        // Reads the engine cannot rewrite safely stay as written (Fix All skips them); they keep their diagnostic.
        var updated = replacements.Count == 0 ? root : StaleFlagRemover.Rewrite(root, replacements).Root;
        if (updated == root)
        {
            return document;
        }

        // A variant arrives as global::Ns.Layout.Compact; the simplifier writes it the way the file would.
        var values = updated.GetAnnotatedNodes(StaleFlagRemover.InlinedValue).ToList();
        if (values.Count == 0)
        {
            return document.WithSyntaxRoot(updated);
        }

        updated = updated.ReplaceNodes(values, (_, node) => node.WithAdditionalAnnotations(Simplifier.Annotation));
        return await Simplifier.ReduceAsync(document.WithSyntaxRoot(updated), Simplifier.Annotation, cancellationToken: cancellationToken).ConfigureAwait(false);
    }
}
