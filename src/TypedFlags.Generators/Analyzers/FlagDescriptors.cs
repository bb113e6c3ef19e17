using Microsoft.CodeAnalysis;
using TypedFlags.Manifest.Diagnostics;
using TypedFlags.Manifest.Overrides;

namespace TypedFlags.Generators.Analyzers;

/// <summary>
/// The TF1xxx and TF2xxx rules: flag keys and stale flags in C# (and flags.yaml), overrides in appsettings*.json.
/// Ids, categories and severities are literals so the release tracking analyzer can check them against
/// AnalyzerReleases.*.md; every severity can be changed in .editorconfig (<c>dotnet_diagnostic.TF1102.severity</c>).
/// </summary>
internal static class FlagDescriptors
{
    public const string UsageCategory = "TypedFlags.Usage";
    public const string CleanupCategory = "TypedFlags.Cleanup";
    public const string ConfigurationCategory = "TypedFlags.Configuration";

    public static readonly DiagnosticDescriptor UnknownKey = new(
        "TF1001",
        "Unknown flag key",
        "'{0}' is not a flag declared in flags.yaml{1}",
        UsageCategory,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "A string used as a flag key must be declared in flags.yaml: an undeclared key silently evaluates to the default.",
        helpLinkUri: HelpLink("TF1001"));

    public static readonly DiagnosticDescriptor Expired = new(
        "TF1101",
        "Flag expired",
        "Flag '{0}' expired on {1}: remove it{2}",
        CleanupCategory,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "The flag's 'expires' date has passed. Remove the flag from the code and from flags.yaml, or move 'expires' if it must stay.",
        helpLinkUri: HelpLink("TF1101"));

    public static readonly DiagnosticDescriptor Launched = new(
        "TF1102",
        "Flag fully launched",
        "Flag '{0}' has had one value for everyone since {1}, more than {2} days: remove it{3}",
        CleanupCategory,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "The flag reached its final value for everyone ('launched', or the final schedule step) longer ago than 'stale_after'. Inline the value and delete the flag.",
        helpLinkUri: HelpLink("TF1102"));

    public static readonly DiagnosticDescriptor Overdue = new(
        "TF1103",
        "Flag older than its lifetime",
        "Flag '{0}' ({1}) was created on {2}, more than its {3}-day lifetime ago, and has no 'expires'",
        CleanupCategory,
        DiagnosticSeverity.Info,
        isEnabledByDefault: true,
        description: "Flags of each kind are expected to live for a limited time (see 'lifetimes'). Give the flag an 'expires' date or remove it.",
        helpLinkUri: HelpLink("TF1103"));

    public static readonly DiagnosticDescriptor Unreferenced = new(
        "TF1104",
        "Flag never referenced",
        "Flag '{0}' is declared but never referenced in this project",
        CleanupCategory,
        DiagnosticSeverity.Info,
        isEnabledByDefault: true,
        description: "No accessor, Keys constant or key string of the flag is used in the project's C# code.",
        helpLinkUri: HelpLink("TF1104"),
        customTags: WellKnownDiagnosticTags.CompilationEnd);

    public static readonly DiagnosticDescriptor UndeclaredOverride = new(
        "TF2001",
        "Override of an undeclared flag",
        OverrideMessages.UndeclaredFormat,
        ConfigurationCategory,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "The running app ignores an override whose key is not a declared flag (it logs a warning), so the setting has no effect.",
        helpLinkUri: HelpLink("TF2001"));

    public static readonly DiagnosticDescriptor InvalidOverride = new(
        "TF2002",
        "Invalid override value",
        OverrideMessages.InvalidFormat,
        ConfigurationCategory,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "The running app rejects the override (it logs a warning and keeps the last good value), so the setting has no effect.",
        helpLinkUri: HelpLink("TF2002"));

    /// <summary>TF2002 for the flags section itself (<c>"Flags": "on"</c>), which belongs to no flag.</summary>
    public static readonly DiagnosticDescriptor InvalidOverrideSection = new(
        "TF2002",
        "Invalid override value",
        "'{0}': {1} is ignored: expected {2}",
        ConfigurationCategory,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "The running app ignores a flags section that is not an object (it logs a warning), so the setting has no effect.",
        helpLinkUri: HelpLink("TF2002"));

    private static string HelpLink(string id) => ManifestRules.HelpLinkBase + id + ".md";
}
