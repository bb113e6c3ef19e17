using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using TypedFlags.Generators;
using TypedFlags.Generators.Analyzers;

namespace TypedFlags.Analyzers.Tests.Infrastructure;

/// <summary>
/// What every framework test (<see cref="AnalyzerVerifierTest"/>, <see cref="CodeFixVerifierTest{TCodeFix}"/>) sets
/// up the same way: the consumer's references, flags.yaml as an additional file, the build properties as a global
/// analyzer config, and the TypedFlags analyzers and generator.
/// </summary>
internal static class ConsumerSetup
{
    /// <summary>flags.yaml in the framework's project folder (sources default to /0/Test0.cs, /0/Test1.cs, ...).</summary>
    public const string ManifestPath = "/0/flags.yaml";

    /// <summary>
    /// No reference pack: an empty <see cref="ReferenceAssemblies"/> names no package, so the framework resolves
    /// nothing through NuGet; .NET 8 comes from Basic.Reference.Assemblies in <see cref="ConsumerProject.References"/>.
    /// </summary>
    public static readonly ReferenceAssemblies NoPackages = new("net8.0");

    /// <summary>Every diagnostic the TypedFlags analyzers can report, for <see cref="GlobalConfig"/>'s severities.</summary>
    public static readonly ImmutableArray<string> AllIds = ConsumerProject.Analyzers
        .SelectMany(a => a.SupportedDiagnostics)
        .Select(d => d.Id)
        .Distinct()
        .OrderBy(id => id, StringComparer.Ordinal)
        .ToImmutableArray();

    public static readonly CSharpParseOptions ParseOptions = ConsumerProject.ParseOptions;

    public static IEnumerable<DiagnosticAnalyzer> Analyzers() =>
        new DiagnosticAnalyzer[] { new FlagReferenceAnalyzer(), new FlagLifetimeAnalyzer(), new AppSettingsOverrideAnalyzer() };

    public static IEnumerable<Type> Generators() => new[] { typeof(FlagsGenerator) };

    /// <summary>
    /// The build properties and severities as one global analyzer config, as the package's targets and an
    /// .editorconfig give them to the compiler. <paramref name="reportOnly"/> (when not empty) turns every other
    /// TypedFlags diagnostic off, so a test states all that is left.
    /// </summary>
    public static string GlobalConfig(IReadOnlyDictionary<string, string> options, IReadOnlyCollection<string> reportOnly)
    {
        var text = new StringBuilder("is_global = true\n");
        foreach (var pair in options.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            text.Append(pair.Key).Append(" = ").Append(pair.Value).Append('\n');
        }

        if (reportOnly.Count > 0)
        {
            foreach (var id in AllIds.Where(id => !reportOnly.Contains(id)))
            {
                text.Append("dotnet_diagnostic.").Append(id).Append(".severity = none\n");
            }
        }

        return text.ToString();
    }

    public static Dictionary<string, string> DefaultOptions() => new()
    {
        ["build_property.RootNamespace"] = "Consumer",
        [FlagCatalog.TodayProperty] = ConsumerProject.Today,
    };

    /// <summary>Sources, flags.yaml, references; the global config is added when the test runs (see Finish).</summary>
    public static void Start(ProjectState state, string manifest, string[] sources)
    {
        state.ReferenceAssemblies = NoPackages;
        state.AdditionalReferences.AddRange(ConsumerProject.References);
        if (manifest is not null)
        {
            state.AdditionalFiles.Add((ManifestPath, manifest));
        }

        foreach (var source in sources)
        {
            state.Sources.Add(source);
        }
    }

    public static void Finish(ProjectState state, IReadOnlyDictionary<string, string> options, IReadOnlyCollection<string> reportOnly) =>
        state.AnalyzerConfigFiles.Add(("/.globalconfig", GlobalConfig(options, reportOnly)));

    public static CompilationOptions WithNullable(CompilationOptions options) =>
        ((CSharpCompilationOptions)options).WithNullableContextOptions(NullableContextOptions.Enable);

    /// <summary>A TypedFlags diagnostic expected at markup location <paramref name="location"/> with exactly <paramref name="message"/>.</summary>
    public static DiagnosticResult Expect(string id, int location, string message)
    {
        var descriptor = ConsumerProject.Analyzers.SelectMany(a => a.SupportedDiagnostics).First(d => d.Id == id);
        return new DiagnosticResult(descriptor).WithLocation(location).WithMessage(message);
    }
}
