using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using TypedFlags.Analyzers.Tests.Infrastructure;
using TypedFlags.CodeFixes;
using Xunit;

namespace TypedFlags.Analyzers.Tests;

/// <summary>
/// The differential corpus: every program in CleanupCorpus is compiled and run, "Remove stale flag" Fix All runs over
/// it, and the result is compiled and run again. A cleanup must print the same and bring no diagnostic above hidden
/// that the program did not have (CleanupCorpus/flags.yaml gives each stale flag its final value at run time too).
/// </summary>
public sealed class CleanupCorpusTests
{
    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "CleanupCorpus");

    /// <summary>The marker of a case whose every read must be left alone: the fix changes nothing there.</summary>
    private const string LeftAlone = "// Every stale read here is left alone.";

    public static TheoryData<string> Cases()
    {
        var cases = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(Folder, "*.cs").Select(Path.GetFileName).OrderBy(name => name, StringComparer.Ordinal))
        {
            cases.Add(file!);
        }

        return cases;
    }

    [Fact]
    public void The_corpus_holds_every_case()
    {
        // 16 Simplifications, the typed values and top-level statements of the other fix tests, and 18 new shapes.
        Assert.Equal(36, Directory.GetFiles(Folder, "*.cs").Length);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_cleanup_prints_the_same_and_adds_no_diagnostic(string file)
    {
        var manifest = File.ReadAllText(Path.Combine(Folder, "flags.yaml"));
        var support = Directory.GetFiles(Path.Combine(Folder, "Support"), "*.cs").OrderBy(f => f, StringComparer.Ordinal).Select(File.ReadAllText).ToArray();
        var source = File.ReadAllText(Path.Combine(Folder, file));
        var before = new ConsumerProject(manifest, Sources(source, support)) { OutputKind = OutputKind.ConsoleApplication }.Compilation();
        var beforeOutput = ProgramRunner.Run(before);

        using var workspace = new FixWorkspace(new ConsumerProject(manifest, Sources(source, support)) { OutputKind = OutputKind.ConsoleApplication });
        var fixedSolution = await workspace.FixAllAsync(new RemoveStaleFlagCodeFixProvider(), workspace.Document(0), FixAllScope.Document, RemoveStaleFlagCodeFixProvider.InlineFinalValue, "TF1101", "TF1102");
        var fixedSource = await FixWorkspace.TextAsync(fixedSolution, 0);
        var after = new ConsumerProject(manifest, Sources(fixedSource, support)) { OutputKind = OutputKind.ConsoleApplication }.Compilation();

        Assert.True(source.Contains(LeftAlone, StringComparison.Ordinal) ? fixedSource == source : fixedSource != source, "The fix changed what it should not, or nothing:\n" + fixedSource);
        Assert.DoesNotContain(Visible(before), d => d.Severity == DiagnosticSeverity.Error);
        Assert.Empty(New(Visible(before), Visible(after)));
        Assert.Equal(beforeOutput, ProgramRunner.Run(after));
    }

    /// <summary>The case first (the fix runs over document 0), then the support files every case is compiled with.</summary>
    private static string[] Sources(string @case, string[] support) => new[] { @case }.Concat(support).ToArray();

    /// <summary>The compiler's diagnostics above hidden (the analyzers' own TF diagnostics are not the compiler's).</summary>
    private static IReadOnlyList<Diagnostic> Visible(Compilation compilation) =>
        compilation.GetDiagnostics().Where(d => d.Severity > DiagnosticSeverity.Hidden).ToList();

    /// <summary>Each diagnostic of <paramref name="after"/> beyond as many of its id as <paramref name="before"/> had, as "CS1718 (12,19): message".</summary>
    private static string[] New(IReadOnlyList<Diagnostic> before, IReadOnlyList<Diagnostic> after) =>
        after.GroupBy(d => d.Id)
            .SelectMany(group => group.Skip(before.Count(d => d.Id == group.Key)))
            .Select(d => $"{d.Id} {d.Location.GetLineSpan().StartLinePosition}: {d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}")
            .ToArray();
}
