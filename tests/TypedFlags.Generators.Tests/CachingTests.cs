using System;
using System.Collections;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using TypedFlags.Generators.Pipeline;
using TypedFlags.Generators.Tests.Infrastructure;
using Xunit;

namespace TypedFlags.Generators.Tests;

/// <summary>
/// The incremental pipeline caches: a C# edit reruns nothing, a comment edit of flags.yaml stops at the
/// model, and no step output holds a symbol, syntax node or compilation (which would defeat caching and
/// keep old compilations alive in the IDE).
/// </summary>
public sealed class CachingTests
{
    private static readonly string[] TrackedSteps =
    {
        TrackingNames.Options, TrackingNames.ManifestText, TrackingNames.Parse, TrackingNames.Diagnostics, TrackingNames.Model, TrackingNames.Emit,
        TrackingNames.BuildProperties, TrackingNames.TypeNames, TrackingNames.ProjectChecks, TrackingNames.Locations, TrackingNames.ProjectDiagnostics,
    };

    [Fact]
    public void An_unrelated_csharp_edit_leaves_every_step_cached_or_unchanged()
    {
        var manifest = new InMemoryAdditionalText(GeneratorHarness.ManifestPath, File.ReadAllText(RepositoryPaths.SampleManifest));
        var compilation = GeneratorHarness.Compilation("namespace Consumer { public static class A { public static int X => 1; } }");
        var driver = GeneratorHarness.Driver(new[] { manifest }).RunGenerators(compilation);
        var first = driver.GetRunResult().Results.Single();

        var edited = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("namespace Consumer { public static class B { } }", GeneratorHarness.ParseOptions));
        var second = driver.RunGenerators(edited).GetRunResult().Results.Single();

        Assert.Equal(TrackedSteps.OrderBy(s => s, StringComparer.Ordinal), first.TrackedSteps.Keys.Where(TrackedSteps.Contains).OrderBy(s => s, StringComparer.Ordinal));
        foreach (var step in TrackedSteps)
        {
            var reasons = second.TrackedSteps[step].SelectMany(run => run.Outputs).Select(output => output.Reason).ToList();
            Assert.NotEmpty(reasons);
            Assert.All(reasons, reason => Assert.True(reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"{step}: {reason}"));
        }

        foreach (var (name, output) in second.TrackedOutputSteps.SelectMany(p => p.Value.SelectMany(run => run.Outputs).Select(o => (p.Key, o))))
        {
            Assert.True(output.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"{name}: {output.Reason}");
        }
    }

    [Fact]
    public void A_comment_only_edit_of_flags_yaml_leaves_the_model_unchanged()
    {
        var text = File.ReadAllText(RepositoryPaths.SampleManifest);
        var original = new InMemoryAdditionalText(GeneratorHarness.ManifestPath, text);
        var compilation = GeneratorHarness.Compilation("namespace Consumer { public static class A { } }");
        var driver = GeneratorHarness.Driver(new[] { original }).RunGenerators(compilation);

        // A new comment line shifts every flag down a line: the parse result (with locations) changes, the model must not.
        var commented = new InMemoryAdditionalText(GeneratorHarness.ManifestPath, "# reviewed by the billing team\n" + text.Replace("description: Create and edit invoices", "description: Create and edit invoices   # BILL-42"));
        driver = driver.ReplaceAdditionalText(original, commented).RunGenerators(compilation);
        var result = driver.GetRunResult().Results.Single();

        Assert.Equal(IncrementalStepRunReason.Modified, Reason(result, TrackingNames.ManifestText));
        Assert.Equal(IncrementalStepRunReason.Modified, Reason(result, TrackingNames.Parse));
        Assert.Equal(IncrementalStepRunReason.Unchanged, Reason(result, TrackingNames.Model));
        Assert.True(Reason(result, TrackingNames.Emit) is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged);

        // The cross-manifest checks see location-free names: unchanged. Locating reruns (lines moved) to the same empty list.
        Assert.Equal(IncrementalStepRunReason.Unchanged, Reason(result, TrackingNames.TypeNames));
        Assert.True(Reason(result, TrackingNames.ProjectChecks) is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged);
        Assert.Equal(IncrementalStepRunReason.Modified, Reason(result, TrackingNames.Locations));
        Assert.Equal(IncrementalStepRunReason.Unchanged, Reason(result, TrackingNames.ProjectDiagnostics));
        Assert.DoesNotContain(result.TrackedOutputSteps.SelectMany(p => p.Value).SelectMany(run => run.Outputs), o => o.Reason is IncrementalStepRunReason.New or IncrementalStepRunReason.Modified);
    }

    [Fact]
    public void A_real_edit_of_flags_yaml_reaches_the_output()
    {
        var text = File.ReadAllText(RepositoryPaths.SampleManifest);
        var original = new InMemoryAdditionalText(GeneratorHarness.ManifestPath, text);
        var compilation = GeneratorHarness.Compilation("namespace Consumer { public static class A { } }");
        var driver = GeneratorHarness.Driver(new[] { original }).RunGenerators(compilation);

        var edited = new InMemoryAdditionalText(GeneratorHarness.ManifestPath, text.Replace("rollout: 50", "rollout: 60"));
        var result = driver.ReplaceAdditionalText(original, edited).RunGenerators(compilation).GetRunResult().Results.Single();

        Assert.Equal(IncrementalStepRunReason.Modified, Reason(result, TrackingNames.Model));
        Assert.Contains("rollout: 60,", result.GeneratedSources.Single().SourceText.ToString());
    }

    [Fact]
    public void Moving_the_lines_of_a_clashing_flag_moves_its_diagnostic_and_leaves_the_output_cached()
    {
        const string layout = "  layout:\n    description: Layout\n    type: variant\n    variants: [a, b]\n";
        var first = new InMemoryAdditionalText("/project/a/flags.yaml", "version: 1\nclass: A\nflags:\n" + layout);
        var second = new InMemoryAdditionalText("/project/b/flags.yaml", "version: 1\nclass: B\nflags:\n" + layout);
        var compilation = GeneratorHarness.Compilation("class C { }");
        var driver = GeneratorHarness.Driver(new[] { first, second }).RunGenerators(compilation);
        Assert.Equal((3, 2), Position(Assert.Single(driver.GetRunResult().Diagnostics)));

        var moved = new InMemoryAdditionalText("/project/b/flags.yaml", "version: 1\n# moved down\nclass: B\nflags:\n" + layout);
        var result = driver.ReplaceAdditionalText(second, moved).RunGenerators(compilation).GetRunResult();

        Assert.Equal((4, 2), Position(Assert.Single(result.Diagnostics)));
        var run = result.Results.Single();
        Assert.True(Reason(run, TrackingNames.ProjectChecks) is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged);
        Assert.Equal(IncrementalStepRunReason.Modified, Reason(run, TrackingNames.ProjectDiagnostics));
        Assert.True(Reason(run, TrackingNames.Emit) is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged);

        static (int, int) Position(Diagnostic diagnostic) => (diagnostic.Location.GetLineSpan().StartLinePosition.Line, diagnostic.Location.GetLineSpan().StartLinePosition.Character);
    }

    [Fact]
    public void Step_outputs_hold_no_symbols_syntax_or_compilations()
    {
        var manifest = new InMemoryAdditionalText(GeneratorHarness.ManifestPath, File.ReadAllText(RepositoryPaths.SampleManifest));
        var driver = GeneratorHarness.Driver(new[] { manifest }).RunGenerators(GeneratorHarness.Compilation("class A { }"));
        var result = driver.GetRunResult().Results.Single();

        var visited = new HashSet<object>(ReferenceEqualityComparer.Instance);
        foreach (var step in result.TrackedSteps.Where(p => TrackedSteps.Contains(p.Key)))
        {
            foreach (var output in step.Value.SelectMany(run => run.Outputs))
            {
                AssertNoForbiddenTypes(output.Value, step.Key, visited);
            }
        }

        Assert.True(visited.Count > 50, "the walk should have visited the model graph");
    }

    private static IncrementalStepRunReason Reason(GeneratorRunResult result, string step) =>
        result.TrackedSteps[step].SelectMany(run => run.Outputs).Select(o => o.Reason).Single();

    private static void AssertNoForbiddenTypes(object? value, string path, HashSet<object> visited)
    {
        if (value is null || value is string || value.GetType().IsPrimitive || value.GetType().IsEnum || value is DateTime or decimal)
        {
            return;
        }

        var type = value.GetType();
        Assert.False(value is ISymbol or SyntaxNode or Compilation or SemanticModel or SyntaxTree, $"{path} holds a {type.FullName}");
        if (!type.IsValueType && !visited.Add(value))
        {
            return;
        }

        if (value is IEnumerable sequence)
        {
            var i = 0;
            foreach (var item in sequence)
            {
                AssertNoForbiddenTypes(item, $"{path}[{i++}]", visited);
            }

            return;
        }

        foreach (var field in type.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
        {
            AssertNoForbiddenTypes(field.GetValue(value), path + "." + field.Name, visited);
        }
    }
}
