using System.Collections.Generic;

namespace TypedFlags.Cli.Commands;

/// <summary>
/// Loading for commands that need a model (list, export): the diagnostics go to standard error, and any error stops the
/// command, so a broken file never yields a half inventory.
/// </summary>
internal static class ValidManifests
{
    /// <summary>The manifests under <paramref name="path"/>, or null (after printing why) when one cannot be used.</summary>
    public static IReadOnlyList<LoadedManifest>? Load(string? path, CliConsole console)
    {
        var manifests = ManifestInputs.Load(path, console.Error);
        if (manifests is null)
        {
            return null;
        }

        var errors = DiagnosticPrinter.Write(manifests, console.Error);
        foreach (var manifest in manifests)
        {
            if (manifest.Result.Model is null)
            {
                errors++;
            }
        }

        return errors > 0 ? null : manifests;
    }
}
