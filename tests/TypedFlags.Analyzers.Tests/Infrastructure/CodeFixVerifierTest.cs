using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using TypedFlags.Generators.Analyzers;

namespace TypedFlags.Analyzers.Tests.Infrastructure;

/// <summary>
/// A code fix over a consumer project with the testing framework: the same setup as <see cref="AnalyzerVerifierTest"/>,
/// then the fix applied one diagnostic at a time (iterations checked) and as Fix All in document, project and solution,
/// each result compared with <see cref="CodeFixTest{TVerifier}.FixedState"/> (or BatchFixedState) and compiled:
/// a compiler error left behind is an unexpected diagnostic.
/// </summary>
internal sealed class CodeFixVerifierTest<TCodeFix> : CSharpCodeFixTest<FlagReferenceAnalyzer, TCodeFix, DefaultVerifier>
    where TCodeFix : CodeFixProvider, new()
{
    private readonly string? _manifest;

    public CodeFixVerifierTest(string? manifest, params string[] sources)
    {
        _manifest = manifest;
        ConsumerSetup.Start(TestState, manifest!, sources);
        TestBehaviors |= TestBehaviors.SkipGeneratedSourcesCheck;
    }

    /// <summary>build_property.* values, as the package's targets pass them.</summary>
    public Dictionary<string, string> GlobalOptions { get; } = ConsumerSetup.DefaultOptions();

    /// <summary>The diagnostic ids the test states; every other TypedFlags id is configured off.</summary>
    public List<string> ReportOnly { get; } = new();

    /// <summary>The fixed sources, in the order of the test's sources.</summary>
    public void Fixed(params string[] sources)
    {
        foreach (var source in sources)
        {
            FixedState.Sources.Add(source);
        }
    }

    // RunAsync is not virtual in the framework; tests call it on this type, so the global config goes in first.
    public new Task RunAsync(CancellationToken cancellationToken = default)
    {
        ConsumerSetup.Finish(TestState, GlobalOptions, ReportOnly);

        // A fix in C# leaves flags.yaml as it was, and what it reports there (a stale declaration) stays: the fixed
        // state holds the same manifest with its markup kept, though TF1101/TF1102 are ids this fix handles in C#.
        if (_manifest is not null && FixedState.AdditionalFiles.Count == 0)
        {
            FixedState.AdditionalFiles.Add((ConsumerSetup.ManifestPath, _manifest));
            FixedState.MarkupHandling = MarkupMode.Allow;
        }

        if (_manifest is not null && BatchFixedState.Sources.Count > 0 && BatchFixedState.AdditionalFiles.Count == 0)
        {
            BatchFixedState.AdditionalFiles.Add((ConsumerSetup.ManifestPath, _manifest));
            BatchFixedState.MarkupHandling = MarkupMode.Allow;
        }

        return base.RunAsync(cancellationToken);
    }

    protected override IEnumerable<DiagnosticAnalyzer> GetDiagnosticAnalyzers() => ConsumerSetup.Analyzers();

    protected override IEnumerable<Type> GetSourceGenerators() => ConsumerSetup.Generators();

    protected override ParseOptions CreateParseOptions() => ConsumerSetup.ParseOptions;

    protected override CompilationOptions CreateCompilationOptions() => ConsumerSetup.WithNullable(base.CreateCompilationOptions());
}
