using TypedFlags.Manifest.Collections;

namespace TypedFlags.Generators.Pipeline;

/// <summary>
/// A project-wide diagnostic for one flags.yaml before it is located: at a flag's key, at the <c>class:</c> or
/// <c>namespace:</c> value (the file start when there is none), or at the file start. Location-free, so it is equal across edits that only
/// move lines, and the step that locates it reruns but produces equal output when nothing clashes.
/// </summary>
/// <param name="Path">The manifest the diagnostic is reported in.</param>
/// <param name="Id">The TF rule id.</param>
/// <param name="At">Where in the file.</param>
/// <param name="FlagKey">The flag whose key locates the diagnostic, for <see cref="PendingLocation.FlagKey"/>.</param>
/// <param name="Arguments">The message arguments.</param>
internal sealed record PendingDiagnostic(string Path, string Id, PendingLocation At, string? FlagKey, EquatableArray<string> Arguments);

/// <summary>Where a <see cref="PendingDiagnostic"/> goes.</summary>
internal enum PendingLocation
{
    /// <summary>The start of the file (a problem of the project, not of a line).</summary>
    FileStart,

    /// <summary>The value of <c>class:</c>, else the file start.</summary>
    Class,

    /// <summary>The value of <c>namespace:</c>, else the file start (the namespace is the project's RootNamespace).</summary>
    Namespace,

    /// <summary>The key of <see cref="PendingDiagnostic.FlagKey"/>.</summary>
    FlagKey,
}
