using System.Collections.Generic;
using TypedFlags.Manifest.Collections;
using TypedFlags.Manifest.Diagnostics;
using TypedFlags.Manifest.Naming;
using TypedFlags.Manifest.Staleness;

namespace TypedFlags.Generators.Pipeline;

/// <summary>
/// What the generator checks across a project rather than inside one flags.yaml: the build properties it reads
/// (RootNamespace, TypedFlagsToday) and the names manifests generate side by side (<see cref="NameClashes"/>).
/// A bad property is reported in every manifest it affects, at the file start, since it is not written there.
/// </summary>
internal static class ProjectChecks
{
    public static EquatableArray<PendingDiagnostic> Run(IEnumerable<ManifestTypeNames> manifests, BuildProperties properties)
    {
        var ordered = new List<ManifestTypeNames>(manifests);
        ordered.Sort(static (a, b) => string.CompareOrdinal(a.Path, b.Path));
        var diagnostics = new List<PendingDiagnostic>();
        // Only whether the value parses matters here (the clock is for an empty value, which is valid): no clock read.
        var todayIsValid = FlagLifecycle.TryReadToday(properties.Today, utcNow: default, out _);
        foreach (var manifest in ordered)
        {
            if (!todayIsValid)
            {
                diagnostics.Add(AtFileStart(manifest, ManifestRules.InvalidDate, properties.Today!, "TypedFlagsToday", "yyyy-MM-dd (staleness is judged on today's UTC date instead)"));
            }

            if (manifest.ClassName is not null && manifest.Namespace is null && properties.RootNamespace is { } root && !FlagNaming.IsValidNamespace(root))
            {
                diagnostics.Add(AtFileStart(
                    manifest,
                    ManifestRules.InvalidIdentifier,
                    root,
                    "namespace for the generated class",
                    $"it is the project's RootNamespace, which flags.yaml uses when it sets no 'namespace:', and {WhyInvalid(root)}; set 'namespace:' in flags.yaml (or <RootNamespace> in the project file). Until then the class is generated in the global namespace"));
            }
        }

        diagnostics.AddRange(NameClashes.Find(ordered, properties.RootNamespace));
        return diagnostics.ToEquatableArray();
    }

    private static string WhyInvalid(string name)
    {
        foreach (var part in name.Split('.'))
        {
            if (part.Length > 0 && FlagNaming.IsCSharpKeyword(part))
            {
                return $"'{part}' is a C# keyword";
            }

            if (!FlagNaming.IsValidIdentifier(part))
            {
                return part.Length == 0 ? "it has an empty part between dots" : $"'{part}' is not a C# identifier (letters, digits, '_')";
            }
        }

        return "it is not a valid namespace";
    }

    private static PendingDiagnostic AtFileStart(ManifestTypeNames manifest, ManifestRule rule, params string[] arguments) =>
        new(manifest.Path, rule.Id, PendingLocation.FileStart, null, EquatableArray.From(arguments));
}
