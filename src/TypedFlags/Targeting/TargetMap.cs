using System;
using System.Collections.Generic;

namespace TypedFlags;

/// <summary>
/// Targets and what each one gets: an allow list (every entry On), a deny list (every entry Off), or the
/// per-target overrides from configuration (each entry its own outcome). Entries are split by what they match
/// so that a lookup is one hash probe per part of the context instead of a scan with string parsing. Entries
/// compare ordinally: a targeting key is an identifier, not text for people.
/// </summary>
internal sealed class TargetMap
{
    private readonly Dictionary<string, FlagOutcome>? _keys;
    private readonly Dictionary<string, FlagOutcome>? _tenants;
    private readonly Dictionary<string, FlagOutcome>? _groups;

    private TargetMap(Dictionary<string, FlagOutcome>? keys, Dictionary<string, FlagOutcome>? tenants, Dictionary<string, FlagOutcome>? groups)
    {
        _keys = keys;
        _tenants = tenants;
        _groups = groups;
    }

    /// <summary>The number of entries.</summary>
    public int Count => (_keys?.Count ?? 0) + (_tenants?.Count ?? 0) + (_groups?.Count ?? 0);

    /// <summary>
    /// Builds a map from entries such as <c>alice</c>, <c>tenant:acme</c> and <c>group:beta-testers</c>; null when
    /// there are none, so that evaluation skips the step with one null check. A later entry for the same target
    /// replaces an earlier one. Prefixes ignore case, as in flags.yaml and overrides (<c>Tenant:acme</c> is tenant
    /// <c>acme</c>); ids and names compare ordinally.
    /// </summary>
    public static TargetMap? Create(IEnumerable<KeyValuePair<string, FlagOutcome>> entries)
    {
        Dictionary<string, FlagOutcome>? keys = null;
        Dictionary<string, FlagOutcome>? tenants = null;
        Dictionary<string, FlagOutcome>? groups = null;
        foreach (var entry in entries)
        {
            var target = entry.Key;
            if (target.StartsWith(TargetPrefixes.Tenant, StringComparison.OrdinalIgnoreCase))
            {
                (tenants ??= new Dictionary<string, FlagOutcome>(StringComparer.Ordinal))[target.Substring(TargetPrefixes.Tenant.Length)] = entry.Value;
            }
            else if (target.StartsWith(TargetPrefixes.Group, StringComparison.OrdinalIgnoreCase))
            {
                (groups ??= new Dictionary<string, FlagOutcome>(StringComparer.Ordinal))[target.Substring(TargetPrefixes.Group.Length)] = entry.Value;
            }
            else
            {
                (keys ??= new Dictionary<string, FlagOutcome>(StringComparer.Ordinal))[target] = entry.Value;
            }
        }

        return keys is null && tenants is null && groups is null ? null : new TargetMap(keys, tenants, groups);
    }

    /// <summary>A map that gives every entry of <paramref name="targets"/> the same <paramref name="outcome"/>.</summary>
    public static TargetMap? Create(IEnumerable<string> targets, FlagOutcome outcome, bool ignoreCase = false)
    {
        var entries = new List<KeyValuePair<string, FlagOutcome>>();
        foreach (var target in targets)
        {
            entries.Add(new KeyValuePair<string, FlagOutcome>(target, outcome));
        }

        return ignoreCase ? IgnoringCase(Create(entries)) : Create(entries);
    }

    /// <summary>Both maps' entries; where both have a target, <paramref name="overriding"/>'s outcome wins.</summary>
    public static TargetMap? Merge(TargetMap? declared, TargetMap? overriding)
    {
        if (declared is null)
        {
            return overriding;
        }

        if (overriding is null)
        {
            return declared;
        }

        return new TargetMap(
            Merge(declared._keys, overriding._keys),
            Merge(declared._tenants, overriding._tenants),
            Merge(declared._groups, overriding._groups));
    }

    /// <summary>
    /// The outcome of the first entry that matches the context — its targeting key, then its tenant, then its
    /// groups in the context's order — or null when none does.
    /// </summary>
    public FlagOutcome? Match(in FlagContext context)
    {
        if (_keys is not null && context.TargetingKey is { } key && _keys.TryGetValue(key, out var byKey))
        {
            return byKey;
        }

        if (_tenants is not null && context.Tenant is { } tenant && _tenants.TryGetValue(tenant, out var byTenant))
        {
            return byTenant;
        }

        if (_groups is not null && context.Groups is { } groups)
        {
            // Indexed loop: foreach over the interface would allocate an enumerator.
            var count = groups.Count;
            for (var i = 0; i < count; i++)
            {
                var group = groups[i];
                if (group is not null && _groups.TryGetValue(group, out var byGroup))
                {
                    return byGroup;
                }
            }
        }

        return null;
    }

    /// <summary>
    /// The same entries matched ignoring case (<c>ignore_case: true</c>), or null for null. Runtime overrides build
    /// ordinal maps; the snapshot converts them once, so matching stays one dictionary lookup.
    /// </summary>
    public static TargetMap? IgnoringCase(TargetMap? map) =>
        map is null ? null : new TargetMap(IgnoringCase(map._keys), IgnoringCase(map._tenants), IgnoringCase(map._groups));

    private static Dictionary<string, FlagOutcome>? IgnoringCase(Dictionary<string, FlagOutcome>? entries)
    {
        if (entries is null || entries.Comparer == (IEqualityComparer<string>)StringComparer.OrdinalIgnoreCase)
        {
            return entries;
        }

        // Entries that differ only in case collapse; the later one wins, as a later override entry does.
        var ignoring = new Dictionary<string, FlagOutcome>(entries.Count, StringComparer.OrdinalIgnoreCase);
        foreach (var entry in entries)
        {
            ignoring[entry.Key] = entry.Value;
        }

        return ignoring;
    }

    private static Dictionary<string, FlagOutcome>? Merge(Dictionary<string, FlagOutcome>? first, Dictionary<string, FlagOutcome>? second)
    {
        if (first is null || second is null)
        {
            return first ?? second;
        }

        // The declared map's comparer: ignore_case applies to everything matched for the flag.
        var merged = new Dictionary<string, FlagOutcome>(first, first.Comparer);
        foreach (var entry in second)
        {
            merged[entry.Key] = entry.Value;
        }

        return merged;
    }
}
