using System;
using System.Linq;
using System.Collections.Generic;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Testing;
using TypedFlags.Analyzers.Tests.Infrastructure;
using TypedFlags.CodeFixes;
using Xunit;

namespace TypedFlags.Analyzers.Tests;

/// <summary>
/// "Remove stale flag" on the testing framework: on.flag ends true (launched), off.flag ends false (expired), half.flag
/// is unknown. Every test runs the fix one diagnostic at a time (iterations checked), Fix All in document, project and
/// solution, and compiles each result: a compiler error left behind fails the test.
/// </summary>
public sealed class RemoveStaleFlagCodeFixTests
{
    private const string Manifest = """
        version: 1
        flags:
          on.flag:
            description: Launched for everyone
            default: true
            launched: 2026-09-01
          off.flag:
            description: Expired while off
            expires: 2026-11-01
          half.flag:
            description: Expired half rolled out
            expires: 2026-11-01
            rollout: 50
          keep.flag:
            description: Not stale
        """;

    private const string Before = """
        using System.Threading.Tasks;
        using Microsoft.FeatureManagement;

        public sealed class Checkout
        {
            private readonly Consumer.Flags flags;
            private readonly IFeatureManager features;
            private bool keep;

            public Checkout(Consumer.Flags flags, IFeatureManager features)
            {
                this.flags = flags;
                this.features = features;
            }

            private void A() { }
            private void B() { }
            private int New() => 1;
            private int Old() => 2;
            private bool Check() => keep;
            private void Use(string text) { }

            public async Task<int> Run(string name)
            {
        BODY
            }
        }
        """;

    public static TheoryData<string, string, string> Simplifications() => new()
    {
        {
            "if/else, flag true",
            """
                    if (flags.OnFlag.IsEnabled)
                    {
                        A();
                    }
                    else
                    {
                        B();
                    }

                    return 0;
            """,
            """
                    A();

                    return 0;
            """
        },
        {
            "if/else, flag false, comment kept",
            """
                    // choose the search
                    if (flags.OffFlag.IsEnabled)
                    {
                        A();
                    }
                    else
                    {
                        B();
                        B();
                    }

                    return 0;
            """,
            """
                    // choose the search
                    B();
                    B();

                    return 0;
            """
        },
        {
            // Found by the framework's one-fix-at-a-time iterations: the else's line break went with the dropped else.
            "if/else on one line, flag true, the next statement keeps its line",
            """
                    if (flags.OnFlag.IsEnabled) A(); else B();
                    return 0;
            """,
            """
                    A();
                    return 0;
            """
        },
        {
            "if without else, flag false",
            """
                    if (flags.OffFlag.IsEnabled)
                        A();
                    B();
                    return 0;
            """,
            """
                    B();
                    return 0;
            """
        },
        {
            "conditional operator",
            """
                    var price = flags.OnFlag.IsEnabled ? New() : Old();
                    return flags.OffFlag.IsEnabled ? price : Old();
            """,
            """
                    var price = New();
                    return Old();
            """
        },
        {
            "&& and || with the flag on either side",
            """
                    if (flags.OnFlag.IsEnabled && keep) A();
                    if (Check() && flags.OffFlag.IsEnabled) A();
                    if (keep && flags.OffFlag.IsEnabled) A();
                    if (flags.OffFlag.IsEnabled || Check()) B();
                    if (flags.OnFlag.IsEnabled || Check()) B();
                    return 0;
            """,
            """
                    if (keep) A();
                    if (Check() && false) A();
                    if (Check()) B();
                    B();
                    return 0;
            """
        },
        {
            "! and an early return that disappears",
            """
                    if (!flags.OnFlag.IsEnabled)
                    {
                        return Old();
                    }

                    return New();
            """,
            """
                    return New();
            """
        },
        {
            "an early return that becomes unconditional drops the rest",
            """
                    if (!flags.OffFlag.IsEnabled)
                    {
                        A();
                        return Old();
                    }

                    B();
                    return New();
            """,
            """
                    A();
                    return Old();
            """
        },
        {
            "== and !=",
            """
                    if (flags.OnFlag.IsEnabled == false) A(); else B();
                    if (flags.OffFlag.IsEnabled != true) A();
                    return 0;
            """,
            """
                    B();
                    A();
                    return 0;
            """
        },
        {
            "a local holding the flag is inlined and removed",
            """
                    var enabled = flags.OnFlag.IsEnabled;
                    if (enabled)
                    {
                        A();
                    }

                    return enabled ? 1 : 0;
            """,
            """
                    A();

                    return 1;
            """
        },
        {
            "a local read only by the dead branch goes, one with effects stays",
            """
                    var label = name;
                    var total = New();
                    if (flags.OffFlag.IsEnabled)
                    {
                        Use(label);
                        return total;
                    }

                    return 0;
            """,
            """
                    var total = New();

                    return 0;
            """
        },
        {
            "nested and combined conditions",
            """
                    if (keep && (flags.OnFlag.IsEnabled || flags.OffFlag.IsEnabled))
                    {
                        if (!flags.OffFlag.IsEnabled)
                        {
                            A();
                        }
                    }

                    return 0;
            """,
            """
                    if (keep)
                    {
                        A();
                    }

                    return 0;
            """
        },
        {
            "else if chains",
            """
                    if (keep) A();
                    else if (flags.OnFlag.IsEnabled) B();
                    else A();

                    if (keep) A();
                    else if (flags.OffFlag.IsEnabled) B();
                    else if (Check()) A();

                    return 0;
            """,
            """
                    if (keep) A();
                    else B();

                    if (keep) A();
                    else if (Check()) A();

                    return 0;
            """
        },
        {
            "else if chains with blocks on their own lines",
            """
                    if (keep)
                    {
                        A();
                    }
                    else if (flags.OnFlag.IsEnabled)
                    {
                        B();
                    }
                    else
                    {
                        A();
                    }

                    if (keep)
                        A();
                    else if (flags.OnFlag.IsEnabled)
                        B();

                    return 0;
            """,
            """
                    if (keep)
                    {
                        A();
                    }
                    else
                    {
                        B();
                    }

                    if (keep)
                        A();
                    else
                        B();

                    return 0;
            """
        },
        {
            "is patterns and while",
            """
                    var a = flags.OnFlag.IsEnabled is true ? New() : Old();
                    var b = flags.OffFlag.IsEnabled is not false ? New() : Old();
                    var c = flags.OnFlag.IsEnabled is true or false;
                    while (!flags.OnFlag.IsEnabled && Check())
                    {
                        A();
                    }

                    while (flags.OnFlag.IsEnabled && Check())
                    {
                        B();
                    }

                    return a + b + (c ? 1 : 0);
            """,
            """
                    var a = New();
                    var b = Old();

                    while (Check())
                    {
                        B();
                    }

                    return a + b + 1;
            """
        },
        {
            "switch statements and switch expressions",
            """
                    switch (flags.OnFlag.IsEnabled)
                    {
                        case true:
                            A();
                            break;
                        default:
                            B();
                            break;
                    }

                    switch (flags.OffFlag.IsEnabled)
                    {
                        case true: A(); break;
                        case false: B(); A(); break;
                    }

                    switch (flags.OffFlag.IsEnabled)
                    {
                        case true:
                            A();
                            break;
                    }
                    switch (flags.OnFlag.IsEnabled)
                    {
                        case true when keep:
                            A();
                            break;
                    }

                    var price = flags.OnFlag.IsEnabled switch { true => New(), false => Old() };
                    var total = 1 + flags.OffFlag.IsEnabled switch { true => 2 + New(), _ => 3 + Old() };
                    return price + total;
            """,
            """
                    A();

                    B();
                    A();

                    switch (true)
                    {
                        case true when keep:
                            A();
                            break;
                    }

                    var price = New();
                    var total = 1 + (3 + Old());
                    return price + total;
            """
        },
        {
            "IsEnabledFor, IsShadowFor and await IsEnabledAsync",
            """
                    if (flags.OnFlag.IsEnabledFor(name)) A();
                    if (flags.OnFlag.IsShadowFor(name)) B();
                    if (await features.IsEnabledAsync("off.flag")) B();
                    if (await features.IsEnabledAsync(Consumer.Flags.Keys.OnFlag).ConfigureAwait(false)) A();
                    await Task.Yield();
                    return 0;
            """,
            """
                    A();
                    A();
                    await Task.Yield();
                    return 0;
            """
        },
    };

    [Theory]
    [MemberData(nameof(Simplifications))]
    public async Task Fix_all_in_document_inlines_the_final_value_and_simplifies(string name, string body, string expected)
    {
        Assert.NotNull(name);
        var test = Fix(Before.Replace("BODY", Mark(body)));
        test.Fixed(Before.Replace("BODY", Mark(expected)));

        await test.RunAsync();
    }

    [Fact]
    public async Task One_fix_removes_one_use_and_says_which_value_it_keeps()
    {
        var body = """
                    if (flags.OnFlag.IsEnabled) A();
                    if (flags.OffFlag.IsEnabled) B();
                    return 0;
            """;
        var test = Fix(Before.Replace("BODY", Mark(body)));
        test.CodeFixTestBehaviors |= CodeFixTestBehaviors.FixOne;
        test.CodeActionIndex = 0;
        test.CodeActionVerifier = (action, verifier) =>
        {
            verifier.Equal("Remove stale flag 'on.flag' (inline true)", action.Title);
            verifier.Equal(RemoveStaleFlagCodeFixProvider.InlineFinalValue, action.EquivalenceKey);
            verifier.True(action.NestedActions.IsEmpty);
        };
        test.Fixed(Before.Replace("BODY", Mark(body.Replace("        if (flags.OnFlag.IsEnabled) A();", "        A();"))));
        test.BatchFixedState.Sources.Add(Before.Replace("BODY", """
                    A();
                    return 0;
            """));

        await test.RunAsync();
    }

    [Fact]
    public async Task An_unknown_final_value_offers_both_and_fix_all_applies_the_choice_to_that_flag_only()
    {
        var body = """
                    if (flags.HalfFlag.IsEnabled) A(); else B();
                    if (!flags.HalfFlag.IsEnabled) B();
                    if (flags.OnFlag.IsEnabled) A();
                    return 0;
            """;

        // The group and its two choices, as the light bulb shows them. On the FixWorkspace helper: the testing
        // framework flattens nested actions and never shows the group's title.
        using (var workspace = new FixWorkspace(new ConsumerProject(Manifest, Before.Replace("BODY", body))))
        {
            var diagnostics = await workspace.DiagnosticsAsync(workspace.Project, "TF1101");
            var parent = Assert.Single(await workspace.ActionsAsync(new RemoveStaleFlagCodeFixProvider(), diagnostics[0]));
            Assert.Equal("Remove stale flag 'half.flag'", parent.Title);
            Assert.Equal(new[] { "Remove stale flag 'half.flag' as true", "Remove stale flag 'half.flag' as false" }, System.Linq.Enumerable.Select(parent.NestedActions, a => a.Title));
        }

        // Choosing "as false" and fixing all with that choice: half.flag's reads go, on.flag (another flag) stays.
        var asFalse = Fix(Before.Replace("BODY", Mark(body)));
        asFalse.CodeActionEquivalenceKey = RemoveStaleFlagCodeFixProvider.Assume("half.flag", false);
        asFalse.Fixed(Before.Replace("BODY", Mark("""
                    B();
                    B();
                    if (flags.OnFlag.IsEnabled) A();
                    return 0;
            """)));

        await asFalse.RunAsync();
    }

    [Fact]
    public async Task A_batch_run_that_takes_the_first_action_fixes_decided_flags_and_leaves_undecided_ones()
    {
        // dotnet format asks for the first diagnostic's fixes, takes the first action and runs Fix All in the solution
        // with that action's equivalence key. An undecided flag first in the file must not make it guess a value.
        // Kept on the FixWorkspace helper: the testing framework flattens nested actions, so its "first action" is
        // the nested "as true", never the group dotnet format takes, and no equivalence key selects the group.
        var source = Before.Replace("BODY", """
                    if (flags.HalfFlag.IsEnabled) A(); else B();
                    if (flags.OnFlag.IsEnabled) A();
                    if (flags.OffFlag.IsEnabled) B();
                    return 0;
            """);
        using var workspace = new FixWorkspace(new ConsumerProject(Manifest, source));
        var diagnostics = await workspace.DiagnosticsAsync(workspace.Project, "TF1101", "TF1102");
        var first = (await workspace.ActionsAsync(new RemoveStaleFlagCodeFixProvider(), diagnostics[0]))[0];

        var fixedSolution = await workspace.FixAllAsync(new RemoveStaleFlagCodeFixProvider(), workspace.Document(0), FixAllScope.Solution, first.EquivalenceKey, "TF1101", "TF1102");

        Assert.Equal(
            Before.Replace("BODY", """
                    if (flags.HalfFlag.IsEnabled) A(); else B();
                    A();
                    return 0;
            """),
            await FixWorkspace.TextAsync(fixedSolution, 0));
    }

    [Fact]
    public async Task Int_double_string_and_variant_flags_inline_their_final_value()
    {
        const string TypedManifest = """
            version: 1
            flags:
              {|TF1101:search.limit|}:
                description: Result limit, negative in production on purpose
                type: int
                default: 10
                environments:
                  production: -5
                expires: 2026-11-01
              {|TF1101:pricing.rate|}:
                description: Rate
                type: double
                default: 2
                expires: 2026-11-01
              {|TF1102:greeting|}:
                description: Text
                type: string
                default: Hi "you"
                launched: 2026-01-01
              {|TF1101:checkout.layout|}:
                description: Everyone got compact
                type: variant
                variants: [classic, compact]
                split: { compact: 100 }
                expires: 2026-11-01
              {|TF1101:mixed.layout|}:
                description: Half and half
                type: variant
                variants: [classic, compact]
                split: { compact: 50 }
                expires: 2026-11-01
            """;
        const string Source = """
            public sealed class Reads
            {
                public string Run(Consumer.Flags flags, TypedFlags.FlagContext context)
                {
                    var limit = {|TF1101:flags.SearchLimit|}.Value;
                    var text = {|TF1101:flags.SearchLimit|}.Value.ToString() + (1-{|TF1101:flags.SearchLimit|}.Value);
                    var rate = {|TF1101:flags.PricingRate|}.GetValue(context);
                    var greeting = {|#0:flags.Greeting|}.Value;
                    var layout = {|TF1101:flags.CheckoutLayout|}.Value == Consumer.CheckoutLayout.Compact ? "compact" : "classic";
                    var mixed = {|#1:flags.MixedLayout|}.Value;
                    return limit + text + rate + greeting + layout + mixed;
                }
            }
            """;
        const string Fixed = """
            public sealed class Reads
            {
                public string Run(Consumer.Flags flags, TypedFlags.FlagContext context)
                {
                    var limit = -5;
                    var text = (-5).ToString() + (1- (-5));
                    var rate = 2.0;
                    var greeting = "Hi \"you\"";
                    var layout = "compact";
                    var mixed = {|#1:flags.MixedLayout|}.Value;
                    return limit + text + rate + greeting + layout + mixed;
                }
            }
            """;

        // The titles of the fixes, by flag; the undecided variant split gets none.
        var titles = new[]
        {
            "Remove stale flag 'search.limit' (inline -5)",
            "Remove stale flag 'pricing.rate' (inline 2.0)",
            "Remove stale flag 'greeting' (inline \"Hi \\\"you\\\"\")",
            "Remove stale flag 'checkout.layout' (inline CheckoutLayout.Compact)",
        };
        // The framework may verify code actions from more than one thread, so the recording is a concurrent queue.
        var seen = new System.Collections.Concurrent.ConcurrentQueue<string>();
        var test = new CodeFixVerifierTest<RemoveStaleFlagCodeFixProvider>(TypedManifest, Source);
        test.ReportOnly.AddRange(new[] { "TF1101", "TF1102" });
        test.CodeActionEquivalenceKey = RemoveStaleFlagCodeFixProvider.InlineFinalValue;
        test.CodeActionVerifier = (action, verifier) => seen.Enqueue(action.Title);
        test.TestState.ExpectedDiagnostics.Add(new DiagnosticResult("TF1102", Microsoft.CodeAnalysis.DiagnosticSeverity.Warning).WithLocation(0)
            .WithMessage("Flag 'greeting' has had one value for everyone since 2026-01-01, more than 30 days: remove it and keep its final value, \"Hi \\\"you\\\"\""));
        var mixed = new DiagnosticResult("TF1101", Microsoft.CodeAnalysis.DiagnosticSeverity.Warning).WithLocation(1)
            .WithMessage("Flag 'mixed.layout' expired on 2026-11-01: remove it (flags.yaml does not decide its final value: a split hands out several variants)");
        test.TestState.ExpectedDiagnostics.Add(mixed);
        test.Fixed(Fixed);
        test.FixedState.ExpectedDiagnostics.Add(mixed);

        await test.RunAsync();

        // Every fix applied carries its flag's title, and each flag's fix is applied. How many times the framework
        // applies a title (Fix All scopes, then one read at a time) is the framework's business, not this test's: a
        // CI run on 2 cores once recorded one search.limit application fewer than a local run.
        Assert.Equal(titles, seen.Distinct());
        Assert.True(seen.Count(t => t == titles[0]) >= 3, string.Join(Environment.NewLine, seen));
    }

    [Fact]
    public async Task Uses_that_are_not_reads_get_no_fix()
    {
        // Fixed state equal to the test state: the framework checks that no code action is offered for either use.
        var source = Before.Replace("BODY", Mark("""
                    var flag = flags.OnFlag;
                    Use(Consumer.Flags.Keys.OffFlag);
                    return flag.IsEnabled ? 1 : 0;
            """));
        var test = Fix(source);
        test.Fixed(source);

        await test.RunAsync();
    }

    [Fact]
    public async Task Fix_all_in_project_and_solution_covers_every_document_and_top_level_statements()
    {
        // A multi-document project (top-level statements and a class): the framework fixes one diagnostic at a time
        // (iterations checked), then runs Fix All in document, project and solution and compares each with the same
        // fixed state. Before the framework this was a theory over FixAllScope.Project and FixAllScope.Solution.
        var program = Mark("""
            var flags = Consumer.Flags.Create();
            if (flags.OnFlag.IsEnabled)
            {
                System.Console.WriteLine("new");
            }
            else
            {
                System.Console.WriteLine("old");
            }

            System.Console.WriteLine(flags.OffFlag.IsEnabled ? "off-on" : "off-off");
            """);
        var second = Before.Replace("BODY", Mark("""
                    if (flags.OffFlag.IsEnabled) A();
                    return flags.OnFlag.IsEnabled && keep ? 1 : 0;
            """));
        var test = Fix(program, second);
        test.TestState.OutputKind = Microsoft.CodeAnalysis.OutputKind.ConsoleApplication;
        test.NumberOfIncrementalIterations = 4;
        test.NumberOfFixAllInDocumentIterations = 2;
        test.NumberOfFixAllIterations = 1;
        test.Fixed(
            """
            var flags = Consumer.Flags.Create();
            System.Console.WriteLine("new");

            System.Console.WriteLine("off-off");
            """,
            Before.Replace("BODY", """
                    return keep ? 1 : 0;
            """));

        await test.RunAsync();
    }

    /// <summary>The manifest with its stale declarations marked: they are reported before and after every fix.</summary>
    private static readonly string MarkedManifest = Manifest
        .Replace("  on.flag:", "  {|TF1102:on.flag|}:")
        .Replace("  off.flag:", "  {|TF1101:off.flag|}:")
        .Replace("  half.flag:", "  {|TF1101:half.flag|}:");

    /// <summary>
    /// <paramref name="code"/> with every read or use of a stale flag wrapped in its diagnostic's markup: the spec of
    /// where TF1101/TF1102 go (the member access or the key argument), written once for the theory's bodies.
    /// </summary>
    private static string Mark(string code) => code
        .Replace("flags.OnFlag", "{|TF1102:flags.OnFlag|}")
        .Replace("flags.OffFlag", "{|TF1101:flags.OffFlag|}")
        .Replace("flags.HalfFlag", "{|TF1101:flags.HalfFlag|}")
        .Replace("Consumer.Flags.Keys.OnFlag", "{|TF1102:Consumer.Flags.Keys.OnFlag|}")
        .Replace("Consumer.Flags.Keys.OffFlag", "{|TF1101:Consumer.Flags.Keys.OffFlag|}")
        .Replace("\"off.flag\"", "{|TF1101:\"off.flag\"|}")
        .Replace("\"on.flag\"", "{|TF1102:\"on.flag\"|}");

    private static CodeFixVerifierTest<RemoveStaleFlagCodeFixProvider> Fix(params string[] sources)
    {
        var test = new CodeFixVerifierTest<RemoveStaleFlagCodeFixProvider>(MarkedManifest, sources);
        test.ReportOnly.AddRange(new[] { "TF1101", "TF1102" });
        test.CodeActionEquivalenceKey = RemoveStaleFlagCodeFixProvider.InlineFinalValue;
        return test;
    }
}
