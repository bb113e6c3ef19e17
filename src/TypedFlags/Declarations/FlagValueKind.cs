namespace TypedFlags;

/// <summary>The value type of a flag, as declared by <c>type:</c> in flags.yaml.</summary>
public enum FlagValueKind
{
    /// <summary>On, off or shadow (<c>type: bool</c>, the default).</summary>
    Bool,

    /// <summary>A 32-bit integer (<c>type: int</c>).</summary>
    Int,

    /// <summary>A double-precision number (<c>type: double</c>).</summary>
    Double,

    /// <summary>A string (<c>type: string</c>).</summary>
    String,

    /// <summary>One of the flag's declared variants (<c>type: variant</c>).</summary>
    Variant,
}
