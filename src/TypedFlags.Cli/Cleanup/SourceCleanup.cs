using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using TypedFlags.Cleanup;
using TypedFlags.Cli.Scanning;

namespace TypedFlags.Cli.Cleanup;

/// <summary>What the cleanup does to one C# file.</summary>
/// <param name="File">The file.</param>
/// <param name="Original">The file as read.</param>
/// <param name="NewText">The rewritten text; null when the file does not change.</param>
/// <param name="Left">Uses of the flags the rewrite left in place, at their position after the rewrite.</param>
/// <param name="Keys">The flags the file used before the rewrite.</param>
internal sealed record FileCleanup(SourceFile File, TextFile Original, string? NewText, IReadOnlyList<LeftUse> Left, IReadOnlyCollection<string> Keys);

/// <summary>
/// Runs the code fix's engine over one C# file: every use of the flags (<see cref="FlagUseFinder"/>) goes to
/// <see cref="StaleFlagRemover.Rewrite"/> in one call, as a Fix All in the document does, and the engine inlines the
/// reads it can prove safe. Lines the engine writes get the file's own line end.
/// </summary>
internal static class SourceCleanup
{
    private const string UseAnnotationKind = "TypedFlags.Cli.Use";

    /// <summary>Rewrites <paramref name="file"/>; null when the text names none of the flags.</summary>
    public static FileCleanup? Run(SourceFile file, TextFile original, FlagUseFinder finder)
    {
        var text = original.Text;
        if (!finder.MayMention(text))
        {
            return null;
        }

        var tree = CSharpSyntaxTree.ParseText(SourceText.From(text), new CSharpParseOptions(LanguageVersion.Preview), file.FullPath);
        var root = tree.GetRoot();
        var uses = finder.Find(root);
        if (uses.Count == 0)
        {
            return null;
        }

        if (tree.GetDiagnostics().FirstOrDefault(d => d.Severity == DiagnosticSeverity.Error) is { } syntaxError)
        {
            // The engine rewrites syntax: on a tree with errors it could move or drop what the author meant. Every use
            // stays, and the flag keeps its declaration.
            var position = syntaxError.Location.GetLineSpan().StartLinePosition;
            var reason = string.Format(CultureInfo.InvariantCulture, "the file does not parse ({0} at {1}:{2}: {3}); fix it, then run cleanup again", syntaxError.Id, position.Line + 1, position.Character + 1, syntaxError.GetMessage(CultureInfo.InvariantCulture));
            return new FileCleanup(file, original, null, uses.Select(use => Left(file, text, use, reason)).ToList(), KeysOf(uses));
        }

        // The engine finds reads by span; an annotation on each use finds it again after the rewrite moved it.
        var index = 0;
        var indexes = uses.ToDictionary(use => use.Node, _ => index++);
        var annotated = root.ReplaceNodes(indexes.Keys, (original, node) => node.WithAdditionalAnnotations(new SyntaxAnnotation(UseAnnotationKind, indexes[original].ToString(CultureInfo.InvariantCulture))));

        var replacements = uses.Select(use => use.Target.Expression is { } expression
            ? new FlagReplacement(use.Node.Span, false) { Expression = expression }
            : new FlagReplacement(use.Node.Span, use.Target.Value)).ToList();
        var result = StaleFlagRemover.Rewrite(annotated, replacements);
        var skipped = result.Skipped.ToDictionary(read => read.Span, read => read.Message);

        var rewritten = WithLineEnds(result.Root, original.NewLine);
        var newText = rewritten.ToFullString();
        var changed = !string.Equals(newText, text, StringComparison.Ordinal);

        var left = new List<LeftUse>();
        foreach (var use in finder.Find(rewritten))
        {
            var reason = FlagUseFinder.Describe(use);
            var annotation = use.Node.GetAnnotations(UseAnnotationKind).FirstOrDefault();
            if (annotation?.Data is { } data && skipped.TryGetValue(uses[int.Parse(data, CultureInfo.InvariantCulture)].Node.Span, out var message))
            {
                reason = message;
            }

            left.Add(Left(file, newText, use, reason) with { EnumOnly = FlagUseFinder.IsEnumUse(use) });
        }

        left.AddRange(DisabledUses(file, rewritten, finder));
        return new FileCleanup(file, original, changed ? newText : null, left, KeysOf(uses));
    }

    /// <summary>
    /// Uses inside <c>#if</c> branches this parse leaves out: neither the analyzers nor the engine see that code, but
    /// another build configuration compiles it, so the flag keeps its declaration and the place is listed.
    /// </summary>
    private static IEnumerable<LeftUse> DisabledUses(SourceFile file, SyntaxNode root, FlagUseFinder finder)
    {
        var text = root.ToFullString();
        foreach (var trivia in root.DescendantTrivia(descendIntoTrivia: true).Where(t => t.IsKind(SyntaxKind.DisabledTextTrivia)))
        {
            var disabled = trivia.ToFullString();
            if (!finder.MayMention(disabled))
            {
                continue;
            }

            // Positions in the whole file: search the file with everything but this trivia blanked out (line ends kept).
            var masked = new StringBuilder(text);
            for (var i = 0; i < masked.Length; i++)
            {
                if (!trivia.FullSpan.Contains(i) && masked[i] is not ('\r' or '\n'))
                {
                    masked[i] = ' ';
                }
            }

            var lines = SourceText.From(text).Lines;
            foreach (var use in RazorUses.Find(file, masked.ToString(), finder.Targets, "inside an #if branch this build leaves out; other configurations compile it, so rewrite it by hand"))
            {
                yield return use with { Code = lines[use.Line - 1].ToString().Trim() };
            }
        }
    }

    private static IReadOnlyCollection<string> KeysOf(IReadOnlyList<FlagUse> uses) =>
        new HashSet<string>(uses.Select(use => use.Target.Key), StringComparer.OrdinalIgnoreCase);

    private static LeftUse Left(SourceFile file, string text, FlagUse use, string reason)
    {
        var lines = SourceText.From(text).Lines;
        var position = lines.GetLinePosition(use.Node.SpanStart);
        var code = lines[position.Line].ToString().Trim();
        return new LeftUse(use.Target.Key, file.RelativePath, position.Line + 1, position.Character + 1, code, reason);
    }

    /// <summary>
    /// Line ends the engine created (elastic trivia: <c>\n</c> or <c>\r\n</c> whatever the file uses) become the file's
    /// own; line ends that came from the file stay as they were, even in a file that mixes them.
    /// </summary>
    private static SyntaxNode WithLineEnds(SyntaxNode root, string newLine)
    {
        var created = root.DescendantTrivia(descendIntoTrivia: true)
            .Where(trivia => trivia.IsKind(SyntaxKind.EndOfLineTrivia) && trivia.HasAnnotation(SyntaxAnnotation.ElasticAnnotation) && trivia.ToFullString() != newLine)
            .ToList();
        return created.Count == 0 ? root : root.ReplaceTrivia(created, (_, _) => SyntaxFactory.EndOfLine(newLine));
    }
}
