using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using TypedFlags.Manifest.Collections;
using TypedFlags.Manifest.Diagnostics;
using TypedFlags.Manifest.Model;

namespace TypedFlags.Generators.Pipeline;

/// <summary>
/// Places <see cref="PendingDiagnostic"/>s in their flags.yaml: at a flag's key, at <c>class:</c> or <c>namespace:</c>,
/// else (the field is not written) at the file start. Kept apart from the checks so the checks see no locations and stay cached when lines move.
/// </summary>
internal static class DiagnosticLocator
{
    public static EquatableArray<LocatedDiagnostic> Locate(EquatableArray<PendingDiagnostic> pending, ImmutableArray<ManifestLocations> locations)
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
                PendingLocation.Namespace => manifest?.NamespaceSpan,
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
}
