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
using TypedFlags.Manifest.Collections;
using TypedFlags.Manifest.Model;
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

        var properties = context.AnalyzerConfigOptionsProvider
            .Select(static (provider, _) => ReadBuildProperties(provider))
            .WithTrackingName(TrackingNames.BuildProperties);

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

        // Project-wide checks combine only equatable, location-free name sets (never symbols), so an edit that moves
        // lines stops at ProjectChecks; the locating step reruns then but yields the same (usually empty) list.
        var typeNames = parsed
            .Select(static (manifest, _) => ManifestTypeNames.From(manifest.Path, manifest.Result.Model))
            .WithTrackingName(TrackingNames.TypeNames);

        var projectChecks = typeNames.Collect()
            .Combine(properties)
            .Select(static (pair, _) => ProjectChecks.Run(pair.Left, pair.Right))
            .WithTrackingName(TrackingNames.ProjectChecks);

        var locations = parsed
            .Select(static (manifest, _) => new ManifestLocations(manifest.Path, manifest.Result.ClassSpan, manifest.Result.Locations))
            .WithTrackingName(TrackingNames.Locations);

        var projectDiagnostics = projectChecks
            .Combine(locations.Collect())
            .Select(static (pair, _) => Locate(pair.Left, pair.Right))
            .WithTrackingName(TrackingNames.ProjectDiagnostics);

        context.RegisterSourceOutput(diagnostics, static (production, manifest) =>
        {
            foreach (var diagnostic in manifest.Diagnostics)
            {
                production.ReportDiagnostic(ManifestDiagnosticConverter.ToDiagnostic(diagnostic, manifest.Path));
            }
        });

        context.RegisterSourceOutput(projectDiagnostics, static (production, located) =>
        {
            foreach (var diagnostic in located)
            {
                production.ReportDiagnostic(ManifestDiagnosticConverter.ToDiagnostic(diagnostic.Diagnostic, diagnostic.Path));
            }
        });

        context.RegisterSourceOutput(emit, static (production, input) => Emit(production, input.Left, input.Right));
    }

    private static GeneratorOptions ReadOptions(AnalyzerConfigOptionsProvider provider, ParseOptions parseOptions)
    {
        var nullable = parseOptions is not CSharpParseOptions csharp || csharp.LanguageVersion >= LanguageVersion.CSharp8;
        return new GeneratorOptions(ReadBuildProperties(provider).RootNamespace, nullable);
    }

    private static BuildProperties ReadBuildProperties(AnalyzerConfigOptionsProvider provider)
    {
        provider.GlobalOptions.TryGetValue("build_property.RootNamespace", out var rootNamespace);
        provider.GlobalOptions.TryGetValue(Analyzers.FlagCatalog.TodayProperty, out var today);
        return new BuildProperties(Trimmed(rootNamespace), Trimmed(today));

        static string? Trimmed(string? value) => string.IsNullOrWhiteSpace(value) ? null : value!.Trim();
    }

    private static EquatableArray<LocatedDiagnostic> Locate(EquatableArray<PendingDiagnostic> pending, ImmutableArray<ManifestLocations> locations)
    {
        if (pending.IsEmpty)
        {
            return EquatableArray<LocatedDiagnostic>.Empty;
        }

        var byPath = new Dictionary<string, ManifestLocations>(StringComparer.Ordinal);
        foreach (var manifest in locations)
        {
            byPath[manifest.Path] = manifest;
        }

        var located = new List<LocatedDiagnostic>(pending.Count);
        foreach (var diagnostic in pending)
        {
            byPath.TryGetValue(diagnostic.Path, out var manifest);
            var span = diagnostic.At switch
            {
                PendingLocation.Class => manifest?.ClassSpan,
                PendingLocation.FlagKey => FindKey(manifest, diagnostic.FlagKey),
                _ => null,
            };
            located.Add(new LocatedDiagnostic(diagnostic.Path, new ManifestDiagnostic(diagnostic.Id, span ?? SourceSpan.FileStart, diagnostic.Arguments)));
        }

        return located.ToEquatableArray();
    }

    private static SourceSpan? FindKey(ManifestLocations? manifest, string? key)
    {
        foreach (var flag in manifest?.Flags ?? EquatableArray<FlagLocation>.Empty)
        {
            if (flag.Key == key)
            {
                return flag.Span;
            }
        }

        return null;
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

        return ManifestParser.ParseDecoded(text.Text, cancellationToken);
    }

    private static void Emit(SourceProductionContext production, ImmutableArray<ManifestForEmit> manifests, GeneratorOptions options)
    {
        // Ordinal order of paths: output must not depend on the order MSBuild lists AdditionalFiles.
        var ordered = new List<ManifestForEmit>(manifests);
        ordered.Sort(static (a, b) => string.CompareOrdinal(a.Path, b.Path));

        // What clashes across manifests is reported by the ProjectChecks step; here it is only left out.
        var names = new List<ManifestTypeNames>(ordered.Count);
        foreach (var manifest in ordered)
        {
            names.Add(ManifestTypeNames.From(manifest.Path, manifest.Model));
        }

        var skipped = new HashSet<string>(StringComparer.Ordinal);
        var droppedFlags = new HashSet<(string, string)>();
        foreach (var clash in NameClashes.Find(names, options.RootNamespace))
        {
            if (clash.At == PendingLocation.FlagKey)
            {
                droppedFlags.Add((clash.Path, clash.FlagKey!));
            }
            else
            {
                skipped.Add(clash.Path);
            }
        }

        // Roslyn compares hint names ignoring case; classes differing only in case ('Flags', 'flags') are legal C#.
        var hintNames = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var manifest in ordered)
        {
            production.CancellationToken.ThrowIfCancellationRequested();
            if (skipped.Contains(manifest.Path))
            {
                continue;
            }

            try
            {
                var source = FlagsEmitter.Emit(WithoutFlags(manifest, droppedFlags), options.RootNamespace, options.NullableAnnotations);
                var hintName = source.HintName;
                for (var i = 2; !hintNames.Add(hintName); i++)
                {
                    hintName = source.FullClassName + "." + i.ToString(System.Globalization.CultureInfo.InvariantCulture) + ".g.cs";
                }

                production.AddSource(hintName, source.Text);
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

    private static ManifestModel WithoutFlags(ManifestForEmit manifest, HashSet<(string, string)> dropped)
    {
        if (dropped.Count == 0)
        {
            return manifest.Model;
        }

        var kept = new List<FlagModel>(manifest.Model.Flags.Count);
        foreach (var flag in manifest.Model.Flags)
        {
            if (!dropped.Contains((manifest.Path, flag.Key)))
            {
                kept.Add(flag);
            }
        }

        return kept.Count == manifest.Model.Flags.Count ? manifest.Model : manifest.Model with { Flags = kept.ToEquatableArray() };
    }
}
