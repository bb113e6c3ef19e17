using System.Collections.Generic;
using TypedFlags.Manifest.Collections;
using TypedFlags.Manifest.Model;

namespace TypedFlags.Generators.Pipeline;

/// <summary>
/// The names one flags.yaml puts at namespace level (its class, the overrides class and one enum per variant
/// flag), which must not clash with another manifest's. Location-free, so moving lines leaves it equal.
/// </summary>
/// <param name="Path">The manifest's path.</param>
/// <param name="Namespace">flags.yaml's <c>namespace:</c>, or null for the project's root namespace.</param>
/// <param name="ClassName">The generated class, or null when the file generates nothing (it still gets project-wide diagnostics).</param>
/// <param name="Enums">The variant flags, in declaration order.</param>
internal sealed record ManifestTypeNames(string Path, string? Namespace, string? ClassName, EquatableArray<VariantEnumName> Enums)
{
    public static ManifestTypeNames From(string path, ManifestModel? model)
    {
        if (model is null)
        {
            return new ManifestTypeNames(path, null, null, EquatableArray<VariantEnumName>.Empty);
        }

        var enums = new List<VariantEnumName>();
        foreach (var flag in model.Flags)
        {
            if (flag.Type == FlagValueType.Variant)
            {
                enums.Add(new VariantEnumName(flag.Key, flag.AccessorName));
            }
        }

        return new ManifestTypeNames(path, model.Namespace, model.ClassName, enums.ToEquatableArray());
    }
}

/// <summary>The enum a variant flag generates.</summary>
/// <param name="Key">The flag key.</param>
/// <param name="Name">The enum's name (the flag's accessor name).</param>
internal sealed record VariantEnumName(string Key, string Name);
