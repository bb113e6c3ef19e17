using System;
using System.Collections.Generic;

namespace TypedFlags.FeatureManagement;

/// <summary>
/// Feature names as Microsoft.FeatureManagement callers write them, mapped to the flag that answers: the flag key, else
/// the flag's <c>hash_name</c> (the old feature name kept for its cohorts, e.g. <c>Home</c> for <c>home</c> or
/// <c>Feature With Space</c>). Names ignore case, as configuration keys, and so Microsoft.FeatureManagement's
/// feature names, do.
/// </summary>
internal sealed class FeatureNames
{
    private readonly Dictionary<string, (FlagEngine Engine, FlagDefinition Flag)> _byName = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<string> _keys = new();

    public FeatureNames(IEnumerable<IFlagSet> sets)
    {
        var engines = new List<FlagEngine>();
        foreach (var set in sets)
        {
            // AddTypedFlags registers a class once, but an application may register the same engine under two sets.
            if (!engines.Contains(set.Engine))
            {
                engines.Add(set.Engine);
            }
        }

        // Keys first, in every engine, so a hash_name never hides another flag's key.
        foreach (var engine in engines)
        {
            foreach (var flag in engine.Manifest.Flags)
            {
                if (_byName.TryAdd(flag.Key, (engine, flag)))
                {
                    _keys.Add(flag.Key);
                }
            }
        }

        foreach (var engine in engines)
        {
            foreach (var flag in engine.Manifest.Flags)
            {
                if (flag.HashName is { } name)
                {
                    _byName.TryAdd(name, (engine, flag));
                }
            }
        }
    }

    /// <summary>Every flag key, in registration and declaration order.</summary>
    public IReadOnlyList<string> Keys => _keys;

    /// <summary>The engine and the flag that answer for <paramref name="feature"/>, or false for a name no flag declares.</summary>
    public bool TryFind(string? feature, out FlagEngine engine, out FlagDefinition flag)
    {
        if (feature is not null && _byName.TryGetValue(feature, out var found))
        {
            (engine, flag) = found;
            return true;
        }

        engine = null!;
        flag = null!;
        return false;
    }
}
