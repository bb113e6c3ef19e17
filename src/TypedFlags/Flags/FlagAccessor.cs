using System;

namespace TypedFlags;

/// <summary>Checks shared by the accessor constructors.</summary>
internal static class FlagAccessor
{
    /// <summary>Throws unless <paramref name="index"/> names a flag of <paramref name="expected"/> type in the engine's manifest.</summary>
    public static FlagDefinition Resolve(FlagEngine engine, int index, FlagValueKind expected, string accessor)
    {
        if (engine is null)
        {
            throw new ArgumentNullException(nameof(engine));
        }

        var flags = engine.Manifest.Flags;
        if (index < 0 || index >= flags.Count)
        {
            throw new ArgumentOutOfRangeException(nameof(index), index, $"The manifest declares {flags.Count} flag(s).");
        }

        var definition = flags[index];
        if (definition.Type != expected)
        {
            throw new ArgumentException($"Flag '{definition.Key}' is of type {definition.Type}; {accessor} needs a {expected} flag.", nameof(index));
        }

        return definition;
    }
}
