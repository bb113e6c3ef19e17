using Microsoft.CodeAnalysis;

namespace TypedFlags.Cleanup;

/// <summary>Markers the rewrite leaves on the nodes it creates, so later passes know what is theirs to simplify.</summary>
internal static class CleanupAnnotations
{
    /// <summary>A literal that stands for a removed flag (or was computed from one).</summary>
    public static readonly SyntaxAnnotation Inlined = new("TypedFlags.Inlined");

    /// <summary>A local that was read before the rewrite: if no read is left and its initializer has no effects, it goes.</summary>
    public const string WasReadKind = "TypedFlags.WasRead";
}
