using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace TypedFlags.Cli.Scanning;

/// <summary>The references and problems of one scan, in path, line, column order.</summary>
/// <param name="References">Every reference found.</param>
/// <param name="Problems">Files skipped (not UTF-8) or with C# syntax errors.</param>
internal sealed record ScanResult(IReadOnlyList<FlagReference> References, IReadOnlyList<ScanProblem> Problems);

/// <summary>
/// Scans source files for flag references: C# through the Roslyn parser (syntax only: the report needs no build),
/// .razor and .cshtml through <see cref="RazorReferences"/>. Files are read and parsed in parallel; results are sorted,
/// so output does not depend on thread timing.
/// </summary>
internal static class ReferenceScan
{
    /// <summary>The extensions the report scans.</summary>
    public static readonly IReadOnlyList<string> Extensions = new[] { ".cs", ".razor", ".cshtml" };

    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Preview, DocumentationMode.None);

    /// <summary>Scans <paramref name="files"/>; <paramref name="progress"/> is called once per file read.</summary>
    public static ScanResult Scan(IReadOnlyList<SourceFile> files, FlagLookup flags, Action? progress = null, CancellationToken cancellationToken = default)
    {
        var texts = new DecodedSource?[files.Count];
        var trees = new SyntaxTree?[files.Count];
        var problems = new List<ScanProblem>[files.Count];
        var options = new ParallelOptions { CancellationToken = cancellationToken };

        // Read, decode and parse: the parse is most of the work, and independent per file.
        Parallel.For(0, files.Count, options, i =>
        {
            var file = files[i];
            var fileProblems = problems[i] = new List<ScanProblem>();
            byte[] bytes;
            try
            {
                bytes = File.ReadAllBytes(file.FullPath);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                fileProblems.Add(new ScanProblem(file.RelativePath, 1, 1, "cannot be read: " + ex.Message + "; file skipped"));
                progress?.Invoke();
                return;
            }

            var text = DecodedSource.Decode(bytes, out var line, out var column, out var error);
            if (text is null)
            {
                fileProblems.Add(new ScanProblem(file.RelativePath, line, column, error!));
                progress?.Invoke();
                return;
            }

            texts[i] = text;
            if (file.RelativePath.EndsWith(".cs", StringComparison.OrdinalIgnoreCase))
            {
                var tree = CSharpSyntaxTree.ParseText(text.Text, ParseOptions, file.RelativePath, cancellationToken: cancellationToken);
                trees[i] = tree;
                var errors = 0;
                Diagnostic? first = null;
                foreach (var diagnostic in tree.GetDiagnostics(cancellationToken))
                {
                    if (diagnostic.Severity == DiagnosticSeverity.Error)
                    {
                        first ??= diagnostic;
                        errors++;
                    }
                }

                if (first is not null)
                {
                    var start = first.Location.GetLineSpan().StartLinePosition;
                    fileProblems.Add(new ScanProblem(
                        file.RelativePath,
                        start.Line + 1,
                        start.Character + 1,
                        string.Format(CultureInfo.InvariantCulture, "C# does not parse ({0} syntax error(s), first {1}: {2}); references in the rest of the file are still reported", errors, first.Id, first.GetMessage(CultureInfo.InvariantCulture))));
                }
            }

            progress?.Invoke();
        });

        // [FlagKey] wrappers and string constants are declared anywhere in the tree, so they are collected from every
        // file before any file is searched.
        // Only files whose text names the attribute or declares a constant can declare either, and few do: the others
        // are not walked twice.
        var roots = new List<SyntaxNode>();
        for (var i = 0; i < trees.Length; i++)
        {
            if (trees[i] is { } tree && MayDeclareKeyApis(texts[i]!.Text))
            {
                roots.Add(tree.GetRoot(cancellationToken));
            }
        }

        var keyApis = new KeyApiSyntax(roots);
        var perFile = new List<FlagReference>[files.Count];
        Parallel.For(0, files.Count, options, i =>
        {
            var found = perFile[i] = new List<FlagReference>();
            if (texts[i] is not { } text)
            {
                return;
            }

            if (trees[i] is { } tree)
            {
                CSharpReferences.Find(tree.GetRoot(cancellationToken), files[i].RelativePath, text, flags, keyApis, found);
            }
            else
            {
                RazorReferences.Find(text, files[i].RelativePath, flags, found);
            }
        });

        var references = new List<FlagReference>();
        var allProblems = new List<ScanProblem>();
        for (var i = 0; i < files.Count; i++)
        {
            // Files are in path order already; within a file, order by position, then key.
            perFile[i].Sort((a, b) => a.Line != b.Line ? a.Line.CompareTo(b.Line) : a.Column != b.Column ? a.Column.CompareTo(b.Column) : string.CompareOrdinal(a.Key, b.Key));
            references.AddRange(perFile[i]);
            allProblems.AddRange(problems[i]);
        }

        return new ScanResult(references, allProblems);
    }

    private static bool MayDeclareKeyApis(string text) =>
        text.IndexOf(Manifest.Naming.FlagKeyApis.AttributeName, StringComparison.Ordinal) >= 0 || text.IndexOf("const", StringComparison.Ordinal) >= 0;
}
