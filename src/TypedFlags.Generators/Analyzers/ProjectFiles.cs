using System;
using System.IO;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace TypedFlags.Generators;

/// <summary>Which AdditionalFiles are flags manifests and which are appsettings files, as the package's targets mark them.</summary>
internal static class ProjectFiles
{
    /// <summary>AdditionalFiles metadata that marks (true) or unmarks (false) a file as a flags manifest.</summary>
    public const string ManifestMetadata = "build_metadata.AdditionalFiles.TypedFlagsManifest";

    /// <summary>AdditionalFiles metadata that marks (true) or unmarks (false) a file as appsettings to check for overrides.</summary>
    public const string AppSettingsMetadata = "build_metadata.AdditionalFiles.TypedFlagsAppSettings";

    /// <summary>The manifest file name picked up when no metadata says otherwise.</summary>
    public const string DefaultManifestName = "flags.yaml";

    public static bool IsManifest(AdditionalText text, AnalyzerConfigOptionsProvider provider) =>
        Marked(text, provider, ManifestMetadata) ?? string.Equals(Path.GetFileName(text.Path), DefaultManifestName, StringComparison.OrdinalIgnoreCase);

    /// <summary>appsettings.json and appsettings.{Environment}.json, unless metadata says otherwise.</summary>
    public static bool IsAppSettings(AdditionalText text, AnalyzerConfigOptionsProvider provider)
    {
        if (Marked(text, provider, AppSettingsMetadata) is { } marked)
        {
            return marked;
        }

        var name = Path.GetFileName(text.Path);
        return name.StartsWith("appsettings", StringComparison.OrdinalIgnoreCase) && name.EndsWith(".json", StringComparison.OrdinalIgnoreCase);
    }

    private static bool? Marked(AdditionalText text, AnalyzerConfigOptionsProvider provider, string metadata) =>
        provider.GetOptions(text).TryGetValue(metadata, out var marked) && !string.IsNullOrEmpty(marked)
            ? string.Equals(marked, "true", StringComparison.OrdinalIgnoreCase)
            : null;
}
