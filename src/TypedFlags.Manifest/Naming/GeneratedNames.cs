namespace TypedFlags.Manifest.Naming;

/// <summary>
/// Names the generator puts next to the flag accessors. Validation rejects a flag whose accessor would
/// clash with one of them, so the clash is a TF0012 at the flag's line instead of a C# error in generated code.
/// </summary>
public static class GeneratedNames
{
    /// <summary>Members of the generated class other than the accessors (plus those inherited from object).</summary>
    public static readonly string[] ReservedMembers =
    {
        "Keys", "Manifest", "Engine", "Create", "ForTesting",
        "Equals", "GetHashCode", "GetType", "ToString", "MemberwiseClone", "Finalize", "ReferenceEquals",
    };

    /// <summary>Name of the generated test-overrides class for <paramref name="className"/>.</summary>
    public static string OverridesClass(string className) => className + "Overrides";
}
