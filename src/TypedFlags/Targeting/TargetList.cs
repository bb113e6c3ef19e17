using System;
using System.Collections.Generic;

namespace TypedFlags;

/// <summary>
/// An allow or deny list, split by what each entry matches so that a lookup is a hash probe per part of the
/// context rather than a scan with string parsing. Entries compare ordinally: a targeting key is an identifier,
/// not text for people.
/// </summary>
internal sealed class TargetList
{
    /// <summary>A list that matches nothing.</summary>
    public static readonly TargetList Empty = new(null, null, null);

    private readonly HashSet<string>? _keys;
    private readonly HashSet<string>? _tenants;
    private readonly HashSet<string>? _groups;

    private TargetList(HashSet<string>? keys, HashSet<string>? tenants, HashSet<string>? groups)
    {
        _keys = keys;
        _tenants = tenants;
        _groups = groups;
    }

    /// <summary>Builds a list from entries such as <c>alice</c>, <c>tenant:acme</c> and <c>group:beta-testers</c>.</summary>
    public static TargetList Create(IReadOnlyList<string> entries)
    {
        if (entries.Count == 0)
        {
            return Empty;
        }

        HashSet<string>? keys = null;
        HashSet<string>? tenants = null;
        HashSet<string>? groups = null;
        for (var i = 0; i < entries.Count; i++)
        {
            var entry = entries[i];
            if (entry.StartsWith(TargetPrefixes.Tenant, StringComparison.Ordinal))
            {
                (tenants ??= new HashSet<string>(StringComparer.Ordinal)).Add(entry.Substring(TargetPrefixes.Tenant.Length));
            }
            else if (entry.StartsWith(TargetPrefixes.Group, StringComparison.Ordinal))
            {
                (groups ??= new HashSet<string>(StringComparer.Ordinal)).Add(entry.Substring(TargetPrefixes.Group.Length));
            }
            else
            {
                (keys ??= new HashSet<string>(StringComparer.Ordinal)).Add(entry);
            }
        }

        return new TargetList(keys, tenants, groups);
    }

    /// <summary>True when an entry matches the context's targeting key, its tenant, or any of its groups.</summary>
    public bool Matches(in FlagContext context)
    {
        if (_keys is not null && context.TargetingKey is { } key && _keys.Contains(key))
        {
            return true;
        }

        if (_tenants is not null && context.Tenant is { } tenant && _tenants.Contains(tenant))
        {
            return true;
        }

        if (_groups is not null && context.Groups is { } groups)
        {
            // Indexed loop: foreach over the interface would allocate an enumerator.
            var count = groups.Count;
            for (var i = 0; i < count; i++)
            {
                var group = groups[i];
                if (group is not null && _groups.Contains(group))
                {
                    return true;
                }
            }
        }

        return false;
    }
}
