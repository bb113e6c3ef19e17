using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using TypedFlags.Analyzers;
using TypedFlags.Manifest.Naming;

namespace TypedFlags.Generators.Analyzers;

/// <summary>TF1001: a constant string used as a flag key that no flags.yaml of the project declares.</summary>
internal sealed class UnknownKeyRule
{
    private readonly FlagCatalog _catalog;

    public UnknownKeyRule(FlagCatalog catalog) => _catalog = catalog;

    public void Report(KeyUse use, Action<Diagnostic> report)
    {
        var closest = Suggestions.Closest(use.Key, _catalog.Keys);
        var properties = ImmutableDictionary<string, string?>.Empty;
        if (closest is not null && _catalog.TryGet(closest, out var suggested))
        {
            properties = properties.Add(DiagnosticProperties.Key, suggested.Key);
            if (suggested.KeysConstant is { } constant)
            {
                properties = properties.Add(DiagnosticProperties.KeysConstant, constant);
            }
        }

        report(Diagnostic.Create(
            FlagDescriptors.UnknownKey,
            use.At ?? use.Expression.GetLocation(),
            properties,
            use.Key,
            closest is null ? string.Empty : "; did you mean '" + closest + "'?"));
    }
}
