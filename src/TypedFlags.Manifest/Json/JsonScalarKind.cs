namespace TypedFlags.Manifest.Json;

/// <summary>The kind of a JSON scalar value.</summary>
public enum JsonScalarKind
{
    /// <summary>A string in double quotes.</summary>
    String,

    /// <summary>A number, kept as its source text.</summary>
    Number,

    /// <summary>The literal <c>true</c>.</summary>
    True,

    /// <summary>The literal <c>false</c>.</summary>
    False,

    /// <summary>The literal <c>null</c>.</summary>
    Null,
}
