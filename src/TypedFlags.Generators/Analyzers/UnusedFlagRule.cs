using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using TypedFlags.Analyzers;
using TypedFlags.Manifest.Staleness;

namespace TypedFlags.Generators.Analyzers;

/// <summary>
/// TF1104, in flags.yaml: a flag that no C# code of the project references — by accessor, generated <c>Keys</c>
/// constant or key string — and that no other flag requires. Needs the whole compilation, so it reports at compilation
/// end (full-solution analysis in the IDE).
/// </summary>
internal sealed class UnusedFlagRule
{
    private readonly FlagCatalog _catalog;

    // One slot per flag (CatalogFlag.Index): callbacks run concurrently, but they only ever write true, and the
    // compilation-end action runs after all of them.
    private readonly bool[] _referenced;

    public UnusedFlagRule(FlagCatalog catalog)
    {
        _catalog = catalog;
        _referenced = new bool[catalog.Flags.Count];
    }

    public void Referenced(CatalogFlag flag) => _referenced[flag.Index] = true;

    public void Report(CompilationAnalysisContext context)
    {
        var required = RequiredByOtherFlags();
        foreach (var flag in _catalog.Flags)
        {
            if (flag.Model is not null && !_referenced[flag.Index]
                && !(required.TryGetValue(flag.ManifestPath, out var keys) && keys.Contains(flag.Key)))
            {
                context.ReportDiagnostic(Diagnostic.Create(
                    FlagDescriptors.Unreferenced,
                    flag.DeclarationLocation,
                    ImmutableDictionary<string, string?>.Empty.Add(DiagnosticProperties.Key, flag.Key),
                    flag.Key));
            }
        }
    }

    /// <summary>
    /// The keys each manifest's flags require (<see cref="FlagPrerequisites"/>, case-insensitive sets), by manifest path:
    /// a prerequisite is a use, so following TF1104's advice never breaks a dependent flag.
    /// </summary>
    private Dictionary<string, HashSet<string>> RequiredByOtherFlags() =>
        _catalog.Flags
            .Where(f => f.Model is not null)
            .GroupBy(f => f.ManifestPath, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => FlagPrerequisites.RequiredKeys(g.Select(f => f.Model!)), StringComparer.Ordinal);
}
