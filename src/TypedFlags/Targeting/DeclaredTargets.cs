using System;
using System.Collections.Generic;

namespace TypedFlags;

/// <summary>
/// flags.yaml's <c>targets</c> of a non-bool flag: the value each user id, tenant and group gets. Unlike
/// <see cref="TargetMap"/>, whose groups come from configuration and match in the caller's order, declared groups
/// match in declaration order: of the caller's groups, the one declared first wins, as Microsoft.FeatureManagement's
/// group allocations do.
/// </summary>
internal sealed class DeclaredTargets
{
    private readonly Dictionary<string, FlagOutcome>? _keys;
    private readonly Dictionary<string, FlagOutcome>? _tenants;
    private readonly Dictionary<string, int>? _groupOrder;
    private readonly FlagOutcome[] _groupOutcomes;

    private DeclaredTargets(Dictionary<string, FlagOutcome>? keys, Dictionary<string, FlagOutcome>? tenants, Dictionary<string, int>? groupOrder, FlagOutcome[] groupOutcomes)
    {
        _keys = keys;
        _tenants = tenants;
        _groupOrder = groupOrder;
        _groupOutcomes = groupOutcomes;
    }

    /// <summary>The flag's declared targets, or null when it has none (evaluation then skips them with one null check).</summary>
    public static DeclaredTargets? Create(IReadOnlyList<KeyValuePair<string, FlagValue>> targets, bool ignoreCase)
    {
        if (targets.Count == 0)
        {
            return null;
        }

        var comparer = ignoreCase ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal;
        Dictionary<string, FlagOutcome>? keys = null;
        Dictionary<string, FlagOutcome>? tenants = null;
        Dictionary<string, int>? groupOrder = null;
        var groupOutcomes = new List<FlagOutcome>();
        foreach (var target in targets)
        {
            var outcome = new FlagOutcome(target.Value, FlagReason.TargetingMatch, FlagSources.Declared);
            var name = target.Key;
            if (name.StartsWith(TargetPrefixes.Tenant, StringComparison.OrdinalIgnoreCase))
            {
                (tenants ??= new Dictionary<string, FlagOutcome>(comparer))[name.Substring(TargetPrefixes.Tenant.Length)] = outcome;
            }
            else if (name.StartsWith(TargetPrefixes.Group, StringComparison.OrdinalIgnoreCase))
            {
                groupOrder ??= new Dictionary<string, int>(comparer);
                var group = name.Substring(TargetPrefixes.Group.Length);
                if (!groupOrder.ContainsKey(group))
                {
                    groupOrder.Add(group, groupOutcomes.Count);
                    groupOutcomes.Add(outcome);
                }
            }
            else
            {
                (keys ??= new Dictionary<string, FlagOutcome>(comparer))[name] = outcome;
            }
        }

        return new DeclaredTargets(keys, tenants, groupOrder, groupOutcomes.ToArray());
    }

    /// <summary>
    /// The outcome for the context's targeting key, else its tenant, else the first declared group it is in; null when
    /// none matches.
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

        if (_groupOrder is not null && context.Groups is { } groups)
        {
            var first = int.MaxValue;
            var count = groups.Count;
            for (var i = 0; i < count; i++)
            {
                var group = groups[i];
                if (group is not null && _groupOrder.TryGetValue(group, out var order) && order < first)
                {
                    first = order;
                }
            }

            if (first != int.MaxValue)
            {
                return _groupOutcomes[first];
            }
        }

        return null;
    }
}
