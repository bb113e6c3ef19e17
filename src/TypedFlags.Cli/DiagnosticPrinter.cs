using System.Collections.Generic;
using System.IO;
using TypedFlags.Manifest.Diagnostics;

namespace TypedFlags.Cli;

/// <summary>
/// Prints manifest diagnostics in MSBuild format (<c>path(line,col): error TF0005: message</c>) through
/// <see cref="ManifestDiagnostic.Format"/>, the same rule table and message text the generator reports in the build.
/// </summary>
internal static class DiagnosticPrinter
{
    /// <summary>Writes every diagnostic of every file; returns the number of errors.</summary>
    public static int Write(IReadOnlyList<LoadedManifest> manifests, TextWriter writer)
    {
        var errors = 0;
        foreach (var manifest in manifests)
        {
            foreach (var diagnostic in manifest.Result.Diagnostics)
            {
                writer.WriteLine(diagnostic.Format(manifest.DisplayPath));
                if (diagnostic.Rule.Severity == ManifestSeverity.Error)
                {
                    errors++;
                }
            }
        }

        return errors;
    }
}
