using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using TypedFlags.Generators.Analyzers;

namespace TypedFlags.Analyzers.Tests.Infrastructure;

/// <summary>
/// The analyzers over a consumer project with the testing framework: the generator runs first (its class is what
/// the sources reference), flags.yaml and appsettings files are additional files whose markup places diagnostics,
/// and every diagnostic left after <see cref="ReportOnly"/> must be expected, compiler errors included.
/// </summary>
internal sealed class AnalyzerVerifierTest : CSharpAnalyzerTest<FlagReferenceAnalyzer, DefaultVerifier>
{
    public AnalyzerVerifierTest(string? manifest, params string[] sources)
    {
        ConsumerSetup.Start(TestState, manifest!, sources);

        // The generated class is checked against its baselines in TypedFlags.Generators.Tests.
        TestBehaviors |= TestBehaviors.SkipGeneratedSourcesCheck;
    }

    /// <summary>build_property.* values, as the package's targets pass them.</summary>
    public Dictionary<string, string> GlobalOptions { get; } = ConsumerSetup.DefaultOptions();

    /// <summary>The diagnostic ids the test states; every other TypedFlags id is configured off.</summary>
    public List<string> ReportOnly { get; } = new();

    /// <summary>An appsettings*.json in the project folder; its markup places the expected diagnostics.</summary>
    public void AddAppSettings(string name, string json) => TestState.AdditionalFiles.Add(("/0/" + name, json));

    // RunAsync is not virtual in the framework; tests call it on this type, so the global config goes in first.
    public new Task RunAsync(CancellationToken cancellationToken = default)
    {
        ConsumerSetup.Finish(TestState, GlobalOptions, ReportOnly);
        return base.RunAsync(cancellationToken);
    }

    protected override IEnumerable<DiagnosticAnalyzer> GetDiagnosticAnalyzers() => ConsumerSetup.Analyzers();

    protected override IEnumerable<Type> GetSourceGenerators() => ConsumerSetup.Generators();

    protected override ParseOptions CreateParseOptions() => ConsumerSetup.ParseOptions;

    protected override CompilationOptions CreateCompilationOptions() => ConsumerSetup.WithNullable(base.CreateCompilationOptions());
}
