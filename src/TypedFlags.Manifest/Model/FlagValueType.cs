namespace TypedFlags.Manifest.Model;

/// <summary>The declared <c>type</c> of a flag.</summary>
public enum FlagValueType
{
    /// <summary><c>bool</c> (the default): on, off or shadow.</summary>
    Bool,

    /// <summary><c>int</c>: a 32-bit integer.</summary>
    Int,

    /// <summary><c>double</c>: a finite double.</summary>
    Double,

    /// <summary><c>string</c>.</summary>
    String,

    /// <summary><c>variant</c>: one of a closed list of names, generated as an enum.</summary>
    Variant,
}
