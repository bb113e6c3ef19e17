using TypedFlags.Manifest.Collections;
using TypedFlags.Manifest.Diagnostics;
using TypedFlags.Manifest.Model;

namespace TypedFlags.Generators.Pipeline;

/// <summary>Where one flags.yaml declares its namespace, class and flag keys, to locate <see cref="PendingDiagnostic"/>s.</summary>
/// <param name="Path">The manifest's path.</param>
/// <param name="NamespaceSpan">The value of <c>namespace:</c>, or null when the file has none.</param>
/// <param name="ClassSpan">The value of <c>class:</c>, or null when the file has none.</param>
/// <param name="Flags">Where each flag key is.</param>
internal sealed record ManifestLocations(string Path, SourceSpan? NamespaceSpan, SourceSpan? ClassSpan, EquatableArray<FlagLocation> Flags);

/// <summary>A located diagnostic with the manifest it is reported in.</summary>
/// <param name="Path">The manifest's path.</param>
/// <param name="Diagnostic">The diagnostic.</param>
internal sealed record LocatedDiagnostic(string Path, ManifestDiagnostic Diagnostic);
