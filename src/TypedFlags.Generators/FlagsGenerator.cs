using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using TypedFlags.Generators.Diagnostics;
using TypedFlags.Generators.Emit;
using TypedFlags.Generators.Pipeline;
using TypedFlags.Manifest.Diagnostics;
using TypedFlags.Manifest.Parsing;

namespace TypedFlags.Generators;

/// <summary>
/// Turns each flags.yaml (an AdditionalFiles item) into a strongly typed flags class. The pipeline is
/// text → parse → (diagnostics | location-free model) → emit, so a C# edit touches nothing here and a
/// comment edit of flags.yaml stops at the model, which compares equal.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class FlagsGenerator : IIncrementalGenerator
{
    /// <inheritdoc />
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var options = context.AnalyzerConfigOptionsProvider
            .Combine(context.ParseOptionsProvider)
            .Select(static (pair, _) => ReadOptions(pair.Left, pair.Right))
            .WithTrackingName(TrackingNames.Options);

        var texts = context.AdditionalTextsProvider
            .Combine(context.AnalyzerConfigOptionsProvider)
            .Where(static pair => ProjectFiles.IsManifest(pair.Left, pair.Right))
            .Select(static (pair, cancellationToken) => new ManifestText(pair.Left.Path, pair.Left.GetText(cancellationToken)?.ToString()))
            .WithTrackingName(TrackingNames.ManifestText);

        var parsed = texts
            .Select(static (text, cancellationToken) => new ParsedManifest(text.Path, ParseSafely(text, cancellationToken)))
            .WithTrackingName(TrackingNames.Parse);

        var diagnostics = parsed
            .Select(static (manifest, _) => new ManifestDiagnostics(manifest.Path, manifest.Result.Diagnostics))
            .WithTrackingName(TrackingNames.Diagnostics);

        var models = parsed
            .Where(static manifest => manifest.Result.Model is not null)
            .Select(static (manifest, _) => new ManifestForEmit(manifest.Path, manifest.Result.Model!))
            .WithTrackingName(TrackingNames.Model);

        var emit = models.Collect()
            .Combine(options)
            .WithTrackingName(TrackingNames.Emit);

        context.RegisterSourceOutput(diagnostics, static (production, manifest) =>
        {
            foreach (var diagnostic in manifest.Diagnostics)
            {
                production.ReportDiagnostic(ManifestDiagnosticConverter.ToDiagnostic(diagnostic, manifest.Path));
            }
        });

        context.RegisterSourceOutput(emit, static (production, input) => Emit(production, input.Left, input.Right));
    }

    private static GeneratorOptions ReadOptions(AnalyzerConfigOptionsProvider provider, ParseOptions parseOptions)
    {
        provider.GlobalOptions.TryGetValue("build_property.RootNamespace", out var rootNamespace);
        var nullable = parseOptions is not CSharpParseOptions csharp || csharp.LanguageVersion >= LanguageVersion.CSharp8;
        return new GeneratorOptions(string.IsNullOrWhiteSpace(rootNamespace) ? null : rootNamespace!.Trim(), nullable);
    }

    private static ManifestParseResult ParseSafely(ManifestText text, System.Threading.CancellationToken cancellationToken)
    {
        if (text.Text is null)
        {
            return new ManifestParseResult(
                null,
                Manifest.Collections.EquatableArray.From(new[]
                {
                    new ManifestDiagnostic(ManifestRules.InternalError.Id, SourceSpan.FileStart, Manifest.Collections.EquatableArray.From(new[] { text.Path, "the file could not be read" })),
                }),
                Manifest.Collections.EquatableArray<Manifest.Model.FlagLocation>.Empty);
        }

        return ManifestParser.Parse(text.Text, cancellationToken);
    }

    private static void Emit(SourceProductionContext production, ImmutableArray<ManifestForEmit> manifests, GeneratorOptions options)
    {
        // Ordinal order of paths: output must not depend on the order MSBuild lists AdditionalFiles.
        var ordered = new List<ManifestForEmit>(manifests);
        ordered.Sort(static (a, b) => string.CompareOrdinal(a.Path, b.Path));
        var emitted = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var manifest in ordered)
        {
            production.CancellationToken.ThrowIfCancellationRequested();
            try
            {
                var source = FlagsEmitter.Emit(manifest.Model, options.RootNamespace, options.NullableAnnotations);
                if (emitted.TryGetValue(source.HintName, out var firstPath))
                {
                    production.ReportDiagnostic(Diagnostic.Create(
                        ManifestDiagnosticConverter.Descriptor(ManifestRules.DuplicateClass),
                        ManifestDiagnosticConverter.LocationOf(manifest.Path, SourceSpan.FileStart),
                        source.FullClassName,
                        firstPath + ", " + manifest.Path));
                    continue;
                }

                emitted.Add(source.HintName, manifest.Path);
                production.AddSource(source.HintName, source.Text);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // A generator exception becomes CS8785 and hides every flag; report it against the file instead.
                production.ReportDiagnostic(Diagnostic.Create(
                    ManifestDiagnosticConverter.Descriptor(ManifestRules.InternalError),
                    ManifestDiagnosticConverter.LocationOf(manifest.Path, SourceSpan.FileStart),
                    manifest.Path,
                    ex.GetType().Name + ": " + ex.Message));
            }
        }
    }
}
