using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Simplification;
using TypedFlags.Analyzers;

namespace TypedFlags.CodeFixes;

/// <summary>TF1001: replace an undeclared key with the closest declared one, as a string or as its generated <c>Keys</c> constant.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(UnknownFlagKeyCodeFixProvider))]
[Shared]
public sealed class UnknownFlagKeyCodeFixProvider : CodeFixProvider
{
    /// <summary>Equivalence key of "use the closest declared key".</summary>
    public const string UseClosestKey = "TypedFlags.UseClosestKey";

    /// <summary>Equivalence key of "use the generated Keys constant".</summary>
    public const string UseKeysConstant = "TypedFlags.UseKeysConstant";

    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create("TF1001");

    /// <inheritdoc />
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

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
            if (!diagnostic.Properties.TryGetValue(DiagnosticProperties.Key, out var key) || key is null
                || root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not ExpressionSyntax expression)
            {
                continue;
            }

            // Only a literal can be rewritten in place; a constant defined elsewhere is fixed where it is defined.
            if (expression is LiteralExpressionSyntax literal && literal.IsKind(SyntaxKind.StringLiteralExpression))
            {
                context.RegisterCodeFix(
                    CodeAction.Create($"Use '{key}'", token => Replace(context.Document, literal, SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(key)), token), UseClosestKey),
                    diagnostic);
            }

            if (diagnostic.Properties.TryGetValue(DiagnosticProperties.KeysConstant, out var constant) && constant is not null)
            {
                var replacement = SyntaxFactory.ParseExpression(constant).WithAdditionalAnnotations(Simplifier.Annotation);
                context.RegisterCodeFix(
                    CodeAction.Create($"Use {ShortName(constant)}", token => Replace(context.Document, expression, replacement, token), UseKeysConstant),
                    diagnostic);
            }
        }
    }

    private static string ShortName(string constant)
    {
        // global::Ns.Flags.Keys.BetaBanner → Flags.Keys.BetaBanner
        var parts = constant.Split('.');
        return parts.Length >= 3 ? string.Join(".", parts, parts.Length - 3, 3) : constant;
    }

    private static async Task<Document> Replace(Document document, ExpressionSyntax original, ExpressionSyntax replacement, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var updated = root!.ReplaceNode(original, replacement.WithTriviaFrom(original));
        return await Simplifier.ReduceAsync(document.WithSyntaxRoot(updated), Simplifier.Annotation, cancellationToken: cancellationToken).ConfigureAwait(false);
    }
}
