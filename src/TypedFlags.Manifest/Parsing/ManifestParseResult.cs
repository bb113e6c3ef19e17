using TypedFlags.Manifest.Collections;
using TypedFlags.Manifest.Diagnostics;
using TypedFlags.Manifest.Model;

namespace TypedFlags.Manifest.Parsing;

/// <summary>What parsing one flags.yaml produced.</summary>
/// <param name="Model">The model of every valid flag, or null when the file could not be read at all.</param>
/// <param name="Diagnostics">Every problem found, in file order of discovery.</param>
/// <param name="Locations">Where each flag key is declared (also for flags left out of the model).</param>
/// <param name="ClassSpan">Where the value of <c>class:</c> is written; null when the file does not set it.</param>
/// <param name="NamespaceSpan">Where the value of <c>namespace:</c> is written; null when the file does not set it.</param>
public sealed record ManifestParseResult(ManifestModel? Model, EquatableArray<ManifestDiagnostic> Diagnostics, EquatableArray<FlagLocation> Locations, SourceSpan? ClassSpan = null, SourceSpan? NamespaceSpan = null)
{
    /// <summary>True when any diagnostic is an error.</summary>
    public bool HasErrors
    {
        get
        {
            foreach (var diagnostic in Diagnostics)
            {
                if (diagnostic.Rule.Severity == ManifestSeverity.Error)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
