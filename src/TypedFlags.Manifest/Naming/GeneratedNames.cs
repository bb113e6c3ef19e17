using System.Collections.Generic;

namespace TypedFlags.Manifest.Naming;

/// <summary>
/// Names the generator puts next to the flag accessors. The emitter writes these constants, and validation
/// rejects a flag whose accessor would clash with one of them, so the clash is a TF0012 at the flag's line
/// instead of a C# error (CS0102, CS0542) or warning (CS0108) in generated code. An accessor name appears in
/// three generated types: as a property of the flags class, a constant of its <c>Keys</c> class and a property of
/// its overrides class (derived from <c>TypedFlags.FlagTestOverrides</c>), so it must differ from every member
/// each of them declares or inherits.
/// </summary>
public static class GeneratedNames
{
    /// <summary>The nested class of key constants.</summary>
    public const string KeysClass = "Keys";

    /// <summary>The static property holding the runtime manifest.</summary>
    public const string ManifestProperty = "Manifest";

    /// <summary>The private static method that builds <see cref="ManifestProperty"/>.</summary>
    public const string CreateManifestMethod = "CreateManifest";

    /// <summary>The instance property holding the engine (implements <c>IFlagSet.Engine</c>).</summary>
    public const string EngineProperty = "Engine";

    /// <summary>The static factory without dependency injection.</summary>
    public const string CreateMethod = "Create";

    /// <summary>The static factory for unit tests.</summary>
    public const string ForTestingMethod = "ForTesting";

    /// <summary>The instance method that binds the flags to a context (implements <c>IFlagSet&lt;TFlags&gt;.For</c>).</summary>
    public const string ForMethod = "For";

    /// <summary><c>FlagTestOverrides.Get</c>, which the generated override properties call.</summary>
    public const string OverridesGetMethod = "Get";

    /// <summary><c>FlagTestOverrides.SetOrClear</c>, which the generated override properties call.</summary>
    public const string OverridesSetOrClearMethod = "SetOrClear";

    /// <summary>
    /// Members of the generated flags class other than the accessors and constructors, including the private
    /// <see cref="CreateManifestMethod"/>.
    /// </summary>
    public static readonly IReadOnlyList<string> FlagsClassMembers = new[]
    {
        KeysClass, ManifestProperty, CreateManifestMethod, EngineProperty, CreateMethod, ForTestingMethod, ForMethod,
    };

    /// <summary>
    /// Members the overrides class inherits from <c>TypedFlags.FlagTestOverrides</c> and can see from the consumer's
    /// assembly (public and protected; its internal and private members are invisible there and cannot clash).
    /// A test reflects over the runtime type so a new member cannot be forgotten here.
    /// </summary>
    public static readonly IReadOnlyList<string> OverridesBaseMembers = new[]
    {
        "Set", "TryGet", OverridesGetMethod, OverridesSetOrClearMethod,
    };

    /// <summary>Members every class inherits from <c>object</c>, static ones included (the <c>Keys</c> class is static).</summary>
    public static readonly IReadOnlyList<string> ObjectMembers = new[]
    {
        "Equals", "GetHashCode", "GetType", "ToString", "MemberwiseClone", "Finalize", "ReferenceEquals",
    };

    /// <summary>Every name an accessor must not take: the union of the three lists above.</summary>
    public static readonly IReadOnlyList<string> ReservedMembers = Concat(FlagsClassMembers, OverridesBaseMembers, ObjectMembers);

    /// <summary>Name of the generated test-overrides class for <paramref name="className"/>.</summary>
    public static string OverridesClass(string className) => className + "Overrides";

    private static string[] Concat(params IReadOnlyList<string>[] lists)
    {
        var all = new List<string>();
        foreach (var list in lists)
        {
            all.AddRange(list);
        }

        return all.ToArray();
    }
}
