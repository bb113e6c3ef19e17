using System;
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
/// A <c>TypedFlagsToday</c> that is not a date is TF0007 from the generator (see <c>ProjectChecks</c>), not from here.
/// </summary>
internal sealed class StaleFlagRule
{
    private readonly FlagCatalog _catalog;

    public StaleFlagRule(FlagCatalog catalog) => _catalog = catalog;

    public void AnalyzeManifest(AdditionalFileAnalysisContext context)
    {
        var path = context.AdditionalFile.Path;
        if (!_catalog.IsManifestPath(path))
        {
            return;
        }

        foreach (var flag in _catalog.Flags)
        {
            if (flag.Status is { IsStale: true } && flag.ManifestPath == path)
            {
                context.ReportDiagnostic(Create(flag, flag.DeclarationLocation, use: null));
            }
        }
    }

    public void AnalyzeUse(CatalogFlag flag, SyntaxNode expression, string use, Action<Diagnostic> report)
    {
        if (flag.Status is { IsStale: true })
        {
            report(Create(flag, expression.GetLocation(), use));
        }
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

        if (flag.FinalExpression is { } expression)
        {
            properties = properties.Add(DiagnosticProperties.FinalExpression, expression);
        }

        var advice = status.Flag.Type != Manifest.Model.FlagValueType.Bool
            ? status.FinalTypedValue is { } typed
                ? " and keep its final value, " + (typed.Type == Manifest.Model.FlagValueType.String ? flag.FinalExpression : typed.ToDisplayString())
                : " (flags.yaml does not decide its final value: " + FlagLifecycle.WhyUndecided(status.Flag) + ")"
            : status.FinalValue is { } value
                ? " and keep its final value, " + (value ? "true" : "false")
                : " (flags.yaml does not decide its final value: " + FlagLifecycle.WhyUndecided(status.Flag) + ")";

        return status.Expired
            ? Diagnostic.Create(FlagDescriptors.Expired, location, properties, flag.Key, Date(status.Flag.Expires!.Value), advice)
            : Diagnostic.Create(FlagDescriptors.Launched, location, properties, flag.Key, Date(status.LaunchedSince!.Value), StaleAfter(status), advice);
    }

    private static string Date(DateTime date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string StaleAfter(FlagStatus status) => status.StaleAfterDays.ToString(CultureInfo.InvariantCulture);
}
