using System.Collections.Generic;

namespace TypedFlags.Manifest.Overrides;

/// <summary>The type of a flag, as the override reader needs it.</summary>
#if TYPEDFLAGS_RUNTIME
internal
#else
public
#endif
enum OverrideFlagType
{
    /// <summary>A bool flag (rollouts, allow and deny lists apply).</summary>
    Bool,

    /// <summary>A 32-bit integer flag.</summary>
    Int,

    /// <summary>A double flag.</summary>
    Double,

    /// <summary>A string flag.</summary>
    String,

    /// <summary>A variant flag.</summary>
    Variant,
}

/// <summary>What the override reader needs to know about a flag: its key, type and variant names.</summary>
#if TYPEDFLAGS_RUNTIME
internal
#else
public
#endif
sealed class OverrideFlagShape
{
    /// <summary>Creates a shape.</summary>
    public OverrideFlagShape(string key, OverrideFlagType type, IReadOnlyList<string> variants)
    {
        Key = key;
        Type = type;
        Variants = variants;
    }

    /// <summary>The flag key.</summary>
    public string Key { get; }

    /// <summary>The flag type.</summary>
    public OverrideFlagType Type { get; }

    /// <summary>The variant names, in declaration order (variant flags).</summary>
    public IReadOnlyList<string> Variants { get; }

    /// <summary>The type as messages write it: bool, int, double, string, variant.</summary>
    public string TypeName => Type switch
    {
        OverrideFlagType.Bool => "bool",
        OverrideFlagType.Int => "int",
        OverrideFlagType.Double => "double",
        OverrideFlagType.String => "string",
        _ => "variant",
    };

    /// <summary>The values the flag's grammar accepts, for messages.</summary>
    public string Accepted => Type switch
    {
        OverrideFlagType.Bool => OverrideGrammar.BoolAccepted,
        OverrideFlagType.Int => OverrideGrammar.IntAccepted,
        OverrideFlagType.Double => OverrideGrammar.DoubleAccepted,
        OverrideFlagType.String => OverrideGrammar.StringAccepted,
        _ => OverrideGrammar.VariantAccepted(Variants),
    };
}
