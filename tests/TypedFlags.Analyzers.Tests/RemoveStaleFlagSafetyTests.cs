using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using TypedFlags.Analyzers.Tests.Infrastructure;
using TypedFlags.Cleanup;
using TypedFlags.CodeFixes;
using Xunit;

namespace TypedFlags.Analyzers.Tests;

/// <summary>
/// "Remove stale flag" never changes what the program does and never breaks the build (issue 11, item 10): each shape
/// that went wrong, as a program over CleanupCorpus/flags.yaml (old.on expired while on, final value true). The fixed
/// text is exact, it compiles with no diagnostic the program did not have, and it prints the same.
/// </summary>
/// <remarks>
/// Each case runs twice. On the FixWorkspace helper: Fix All in the document, then the program is compiled and run
/// before and after and what it prints compared (and warnings compared, not only errors), which the testing framework
/// cannot express (it compiles the fixed state but never runs it). On the framework: the same fixed text reached one
/// diagnostic at a time and by Fix All in document, project and solution, with no compiler error left.
/// </remarks>
public sealed class RemoveStaleFlagSafetyTests
{
    private static readonly string Manifest = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "CleanupCorpus", "flags.yaml"));

    [Fact]
    public async Task A_null_conditional_read_is_left_alone_and_gets_no_fix()
    {
        // Was: flags?true == true (CS1003, CS1525).
        const string Program = """
            Consumer.Flags? flags = Consumer.Flags.Create();
            System.Console.WriteLine(flags?.OldOn.IsEnabled == true);
            System.Console.WriteLine(flags!.OldOn.IsEnabled);
            """;

        var result = await FixAsync(Program);

        Assert.Equal(
            """
            Consumer.Flags? flags = Consumer.Flags.Create();
            System.Console.WriteLine(flags?.OldOn.IsEnabled == true);
            System.Console.WriteLine(true);
            """,
            result.Text);
        Assert.Equal(new[] { 0, 1 }, result.ActionsPerRead);
    }

    [Fact]
    public async Task Directives_in_the_live_branch_keep_their_block()
    {
        // Was: #else, the release branch and #endif gone (CS1027).
        const string Program = """
            var flags = Consumer.Flags.Create();
            if (flags.OldOn.IsEnabled)
            {
            #if DEBUG
                System.Console.WriteLine("debug");
            #else
                System.Console.WriteLine("release");
            #endif
            }
            System.Console.WriteLine("done");
            """;

        var result = await FixAsync(Program);

        Assert.Equal(
            """
            var flags = Consumer.Flags.Create();
            {
            #if DEBUG
                System.Console.WriteLine("debug");
            #else
                System.Console.WriteLine("release");
            #endif
            }
            System.Console.WriteLine("done");
            """,
            result.Text);
    }

    [Fact]
    public async Task Directives_in_a_dead_branch_leave_the_read_without_a_fix()
    {
        const string Program = """
            var flags = Consumer.Flags.Create();
            if (!flags.OldOn.IsEnabled)
            {
            #if DEBUG
                System.Console.WriteLine("debug");
            #endif
            }
            System.Console.WriteLine("done");
            """;

        var result = await FixAsync(Program);

        Assert.Equal(Program, result.Text);
        Assert.Equal(new[] { 0 }, result.ActionsPerRead);
    }

    [Fact]
    public async Task A_using_declaration_keeps_its_block_so_the_writer_is_disposed_before_the_read()
    {
        // Was: the block flattened, the writer open over the read; "hello" before the fix, "" after.
        const string Program = """
            var flags = Consumer.Flags.Create();
            var path = System.IO.Path.GetTempFileName();
            if (flags.OldOn.IsEnabled) { using var w = new System.IO.StreamWriter(path); w.Write("hello"); }
            System.Console.WriteLine(System.IO.File.ReadAllText(path));
            System.IO.File.Delete(path);
            """;

        var result = await FixAsync(Program);

        Assert.Equal(Program.Replace("if (flags.OldOn.IsEnabled) { using", "{ using", StringComparison.Ordinal), result.Text);
        Assert.Equal("hello" + Environment.NewLine, result.Output);
    }

    [Fact]
    public async Task A_read_inside_nameof_is_left_alone_and_gets_no_fix()
    {
        // Was: nameof(true) (CS8081).
        const string Program = """
            var f = Consumer.Flags.Create();
            System.Console.WriteLine(nameof(f.OldOn.IsEnabled));
            """;

        var result = await FixAsync(Program);

        Assert.Equal(Program, result.Text);
        Assert.Equal(new[] { 0 }, result.ActionsPerRead);
    }

    [Fact]
    public async Task A_pattern_that_declares_a_variable_keeps_the_read()
    {
        // Was: true is true and var b (CS8793).
        const string Program = """
            var f = Consumer.Flags.Create();
            if (f.OldOn.IsEnabled is true and var b) System.Console.WriteLine(b);
            """;

        var result = await FixAsync(Program);

        Assert.Equal(Program, result.Text);
        Assert.Equal(new[] { 0 }, result.ActionsPerRead);
    }

    [Fact]
    public async Task A_variant_compared_with_its_own_value_or_another_folds()
    {
        // Was: OldVar.TwoColumn == OldVar.TwoColumn (CS1718); an if over OldVar.TwoColumn == OldVar.OneColumn is CS0162.
        const string Program = """
            using Consumer;

            var f = Flags.Create();
            System.Console.WriteLine(f.OldVar.Value == OldVar.TwoColumn);
            if (f.OldVar.Value == OldVar.OneColumn)
            {
                System.Console.WriteLine("one column");
            }
            if (f.SearchLimit.Value > 10) System.Console.WriteLine("big");
            """;

        var result = await FixAsync(Program);

        Assert.Equal(
            """
            using Consumer;

            var f = Flags.Create();
            System.Console.WriteLine(true);

            """,
            result.Text);
    }

    [Fact]
    public async Task Negating_the_smallest_int_keeps_the_read()
    {
        // Was: -(-2147483648) (CS0220), where the program printed -2147483648.
        const string Program = """
            var f = Consumer.Flags.Create();
            System.Console.WriteLine(-f.MinInt.Value);
            System.Console.WriteLine("negated: " + -f.MinInt.Value);
            System.Console.WriteLine(1 - f.SearchLimit.Value);
            """;

        var result = await FixAsync(Program);

        Assert.Equal(
            """
            var f = Consumer.Flags.Create();
            System.Console.WriteLine(-f.MinInt.Value);
            System.Console.WriteLine("negated: " + -f.MinInt.Value);
            System.Console.WriteLine(1 - (-5));
            """,
            result.Text);
        Assert.Equal(new[] { 0, 0, 1 }, result.ActionsPerRead);
        Assert.Equal(string.Join(Environment.NewLine, "-2147483648", "negated: -2147483648", "6", string.Empty), result.Output);
    }

    [Fact]
    public async Task A_one_line_block_followed_by_a_statement_leaves_it_on_its_own_line()
    {
        // Was: Console.WriteLine("x"); Console.WriteLine("y"); on one line.
        const string Program = """
            var f = Consumer.Flags.Create();
            if (f.OldOn.IsEnabled) { System.Console.WriteLine("x"); }
            System.Console.WriteLine("y");
            if (f.OldOn.IsEnabled) { System.Console.WriteLine("1"); System.Console.WriteLine("2"); } // both
            System.Console.WriteLine("z");
            """;

        var result = await FixAsync(Program);

        Assert.Equal(
            """
            var f = Consumer.Flags.Create();
            System.Console.WriteLine("x");
            System.Console.WriteLine("y");
            System.Console.WriteLine("1");
            System.Console.WriteLine("2"); // both
            System.Console.WriteLine("z");
            """,
            result.Text);
    }

    [Fact]
    public async Task Inside_a_switch_section_the_statements_keep_the_section_indentation()
    {
        // Was: Console.WriteLine("zero") at column 0, with break; on its line.
        const string Program = """
            var f = Consumer.Flags.Create();
            switch (args.Length)
            {
                case 0:
                    if (f.OldOn.IsEnabled) { System.Console.WriteLine("zero"); }
                    break;
                default:
                    if (f.OldOn.IsEnabled)
                    {
                        System.Console.WriteLine("more");
                    }
                    break;
            }
            """;

        var result = await FixAsync(Program);

        Assert.Equal(
            """
            var f = Consumer.Flags.Create();
            switch (args.Length)
            {
                case 0:
                    System.Console.WriteLine("zero");
                    break;
                default:
                    System.Console.WriteLine("more");
                    break;
            }
            """,
            result.Text);
    }

    [Fact]
    public async Task The_engine_lists_each_read_it_leaves_alone_with_the_reason()
    {
        // What the CLI's cleanup lists for manual work: the read's span and why, from the same engine as the fix.
        const string Program = """
            using System.Threading.Tasks;

            var f = Consumer.Flags.Create();
            Consumer.Flags? maybe = f;
            System.Console.WriteLine(maybe?.OldOn.IsEnabled == true);
            System.Console.WriteLine(nameof(f.OldOn.IsEnabled));
            if (!f.OldOn.IsEnabled)
            {
            #if DEBUG
                System.Console.WriteLine("debug");
            #endif
            }
            if (f.OldOn.IsEnabled is true and var b) System.Console.WriteLine(b);
            System.Console.WriteLine(-f.MinInt.Value);
            System.Console.WriteLine(await Only(new CorpusFeatures()));
            System.Console.WriteLine(f.OldOn.IsEnabled);
            switch (f.SearchLimit.Value) { case -5: System.Console.WriteLine("five"); break; default: System.Console.WriteLine("other"); break; }
            for (var i = 0; f.OffFlag.IsEnabled; i++) System.Console.WriteLine(i);

            static async Task<bool> Only(Microsoft.FeatureManagement.IFeatureManager features) => await features.IsEnabledAsync("old.on");
            """;
        using var workspace = new FixWorkspace(Project(Program));
        var diagnostics = await workspace.DiagnosticsAsync(workspace.Project, "TF1101", "TF1102");
        var root = (await workspace.Document(0).GetSyntaxRootAsync())!;
        var replacements = diagnostics.Where(d => d.Location.SourceTree!.FilePath == ConsumerProject.SourcePath(0)).Select(d =>
            d.Properties.TryGetValue("TypedFlags.FinalExpression", out var expression) && expression is { Length: > 0 }
                ? new FlagReplacement(d.Location.SourceSpan, false) { Expression = expression }
                : new FlagReplacement(d.Location.SourceSpan, d.Properties.TryGetValue("TypedFlags.FinalValue", out var value) && value == "true"));

        var result = StaleFlagRemover.Rewrite(root, replacements);

        Assert.Equal(
            new[]
            {
                (5, SkipReason.NullConditional),
                (6, SkipReason.NameOf),
                (7, SkipReason.Directives),
                (13, SkipReason.ConstantPattern),
                (14, SkipReason.ConstantOverflow),
                (17, SkipReason.ConstantPattern),
                (18, SkipReason.Unreachable),
                (20, SkipReason.LastAwait),
            },
            result.Skipped.Select(s => (root.SyntaxTree.GetLineSpan(s.Span).StartLinePosition.Line + 1, s.Reason)));
        Assert.All(result.Skipped, s => Assert.EndsWith("by hand", s.Message, StringComparison.Ordinal));
        Assert.EndsWith("System.Console.WriteLine(true);", result.Root.ToFullString().Split('\n')[15].TrimEnd(), StringComparison.Ordinal);
    }

    private static ConsumerProject Project(string program) =>
        new(Manifest, program, File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "CleanupCorpus", "Support", "CorpusFeatures.cs")))
        {
            OutputKind = OutputKind.ConsoleApplication,
        };

    /// <summary>
    /// Fix All in the document, then the checks every fix must pass: the result compiles with no diagnostic above
    /// hidden that the program did not have, and prints what the program printed.
    /// </summary>
    private static async Task<Fixed> FixAsync(string program)
    {
        using var workspace = new FixWorkspace(Project(program));
        var diagnostics = await workspace.DiagnosticsAsync(workspace.Project, "TF1101", "TF1102");
        var actions = new List<int>();
        foreach (var diagnostic in diagnostics.Where(d => d.Location.SourceTree!.FilePath == ConsumerProject.SourcePath(0)))
        {
            actions.Add((await workspace.ActionsAsync(new RemoveStaleFlagCodeFixProvider(), diagnostic)).Count);
        }

        var fixedSolution = await workspace.FixAllAsync(new RemoveStaleFlagCodeFixProvider(), workspace.Document(0), FixAllScope.Document, RemoveStaleFlagCodeFixProvider.InlineFinalValue, "TF1101", "TF1102");
        var text = await FixWorkspace.TextAsync(fixedSolution, 0);
        var before = Project(program).Compilation();
        var after = Project(text).Compilation();
        var visibleBefore = before.GetDiagnostics().Where(d => d.Severity > DiagnosticSeverity.Hidden).Select(d => d.Id).ToList();
        var added = after.GetDiagnostics().Where(d => d.Severity > DiagnosticSeverity.Hidden && !visibleBefore.Remove(d.Id)).Select(d => d.ToString());
        Assert.Empty(added);
        var output = ProgramRunner.Run(before);
        Assert.Equal(output, ProgramRunner.Run(after));
        await VerifyOnFrameworkAsync(program, text);
        return new Fixed(text, actions.ToArray(), output);
    }

    /// <summary>
    /// The same fix on the testing framework: one diagnostic at a time until none is left to fix, and Fix All in
    /// document, project and solution, must each end in <paramref name="fixedText"/> with no compiler error. Only the
    /// fix is under test here, so the expected diagnostics before and after are the analyzers' own (their spans and
    /// messages are pinned in <see cref="StaleFlagAnalyzerTests"/>).
    /// </summary>
    private static async Task VerifyOnFrameworkAsync(string program, string fixedText)
    {
        // The support file is never rewritten (the helper fixes Source0 only): marked generated, it gets no diagnostic
        // and so no fix, while its reads still count as references.
        var support = "// <auto-generated/>\n" + File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "CleanupCorpus", "Support", "CorpusFeatures.cs"));
        var test = new CodeFixVerifierTest<RemoveStaleFlagCodeFixProvider>(Manifest, program, support);
        test.TestState.OutputKind = OutputKind.ConsoleApplication;
        test.CodeActionEquivalenceKey = RemoveStaleFlagCodeFixProvider.InlineFinalValue;
        test.TestState.ExpectedDiagnostics.AddRange(await ExpectedAsync(program));
        test.Fixed(fixedText, support);
        test.FixedState.ExpectedDiagnostics.AddRange(await ExpectedAsync(fixedText));

        await test.RunAsync();
    }

    /// <summary>The analyzers' diagnostics for <paramref name="program"/> outside the support file, at the framework's paths.</summary>
    private static async Task<IEnumerable<Microsoft.CodeAnalysis.Testing.DiagnosticResult>> ExpectedAsync(string program) =>
        (await Project(program).DiagnosticsAsync()).Where(d => d.Location.GetLineSpan().Path != ConsumerProject.SourcePath(1)).Select(d =>
        {
            var span = d.Location.GetLineSpan();
            // /project/flags.yaml -> /0/flags.yaml, /project/Source1.cs -> /0/Test1.cs
            var path = span.Path == ConsumerProject.ManifestPath ? ConsumerSetup.ManifestPath : span.Path.Replace("/project/Source", "/0/Test");
            return new Microsoft.CodeAnalysis.Testing.DiagnosticResult(d.Descriptor)
                .WithSpan(path, span.StartLinePosition.Line + 1, span.StartLinePosition.Character + 1, span.EndLinePosition.Line + 1, span.EndLinePosition.Character + 1)
                .WithMessage(d.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        }).ToList();

    private sealed record Fixed(string Text, int[] ActionsPerRead, string Output);
}
