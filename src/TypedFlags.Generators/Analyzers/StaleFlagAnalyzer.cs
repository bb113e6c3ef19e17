using System.Collections.Immutable;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using TypedFlags.Analyzers;
using TypedFlags.Generators.Diagnostics;
using TypedFlags.Manifest.Staleness;

namespace TypedFlags.Generators.Analyzers;

/// <summary>
/// TF1101 (expired) and TF1102 (fully launched longer than <c>stale_after</c>): once at the flag in flags.yaml and at
/// every C# use of it — accessor, generated <c>Keys</c> constant or key string — so the code fix can remove each use.
/// Also reports a <c>TypedFlagsToday</c> that is not a date (TF0007).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class StaleFlagAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(FlagDescriptors.Expired, FlagDescriptors.Launched, ManifestDescriptors.InvalidDate);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            if (FlagCatalog.Create(start.Options, start.CancellationToken) is not { } catalog)
            {
                return;
            }

            start.RegisterAdditionalFileAction(file =>
            {
                if (!catalog.IsManifestPath(file.AdditionalFile.Path))
                {
                    return;
                }

                if (catalog.InvalidToday is { } invalid)
                {
                    file.ReportDiagnostic(Diagnostic.Create(ManifestDescriptors.InvalidDate, ManifestDiagnosticConverter.LocationOf(file.AdditionalFile.Path, Manifest.Diagnostics.SourceSpan.FileStart), invalid, "TypedFlagsToday", "yyyy-MM-dd (staleness is judged on today's UTC date instead)"));
                }

                foreach (var flag in catalog.Flags)
                {
                    if (flag.Status is { IsStale: true } && flag.ManifestPath == file.AdditionalFile.Path)
                    {
                        file.ReportDiagnostic(Create(flag, flag.DeclarationLocation, use: null));
                    }
                }
            });

            // Most builds have no stale flag at all: then C# uses need no look.
            if (!catalog.Flags.Exists(static flag => flag.Status is { IsStale: true }))
            {
                return;
            }

            FlagUses.Register(start, catalog, (flag, expression, use, report) =>
            {
                if (flag.Status is { IsStale: true })
                {
                    report(Create(flag, expression.GetLocation(), use));
                }
            });
        });
    }

    private static Diagnostic Create(CatalogFlag flag, Location location, string? use)
    {
        var status = flag.Status!;
        var properties = ImmutableDictionary<string, string?>.Empty
            .Add(DiagnosticProperties.Key, flag.Key)
            .Add(DiagnosticProperties.FinalValue, status.FinalValue is { } known ? (known ? "true" : "false") : string.Empty);
        if (use is not null)
        {
            properties = properties.Add(DiagnosticProperties.Use, use);
        }

        var advice = status.Flag.Type != Manifest.Model.FlagValueType.Bool
            ? string.Empty
            : status.FinalValue is { } value
                ? " and keep its final value, " + (value ? "true" : "false")
                : " (flags.yaml does not decide its final value: it depends on the environment, targeting or a partial rollout)";

        return status.Expired
            ? Diagnostic.Create(FlagDescriptors.Expired, location, properties, flag.Key, Date(status.Flag.Expires!.Value), advice)
            : Diagnostic.Create(FlagDescriptors.Launched, location, properties, flag.Key, Date(status.LaunchedSince!.Value), StaleAfter(status), advice);
    }

    private static string Date(System.DateTime date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string StaleAfter(FlagStatus status) => status.StaleAfterDays.ToString(CultureInfo.InvariantCulture);
}
