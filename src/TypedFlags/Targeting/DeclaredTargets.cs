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
    private readonly TargetMap? _keysAndTenants;
    private readonly Dictionary<string, int>? _groupOrder;
    private readonly FlagOutcome[] _groupOutcomes;

    private DeclaredTargets(TargetMap? keysAndTenants, Dictionary<string, int>? groupOrder, FlagOutcome[] groupOutcomes)
    {
        _keysAndTenants = keysAndTenants;
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

        // User ids and tenants match as every other target map does; only groups need their declaration order.
        var keysAndTenants = new List<KeyValuePair<string, FlagOutcome>>();
        Dictionary<string, int>? groupOrder = null;
        var groupOutcomes = new List<FlagOutcome>();
        foreach (var target in targets)
        {
            var outcome = new FlagOutcome(target.Value, FlagReason.TargetingMatch, FlagSources.Declared);
            if (target.Key.StartsWith(TargetPrefixes.Group, StringComparison.OrdinalIgnoreCase))
            {
                groupOrder ??= new Dictionary<string, int>(ignoreCase ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal);
                var group = target.Key.Substring(TargetPrefixes.Group.Length);
                if (!groupOrder.ContainsKey(group))
                {
                    groupOrder.Add(group, groupOutcomes.Count);
                    groupOutcomes.Add(outcome);
                }
            }
            else
            {
                keysAndTenants.Add(new KeyValuePair<string, FlagOutcome>(target.Key, outcome));
            }
        }

        var map = TargetMap.Create(keysAndTenants);
        return new DeclaredTargets(ignoreCase ? TargetMap.IgnoringCase(map) : map, groupOrder, groupOutcomes.ToArray());
    }

    /// <summary>
    /// The outcome for the context's targeting key, else its tenant, else the first declared group it is in; null when
    /// none matches.
    /// </summary>
    public FlagOutcome? Match(in FlagContext context)
    {
        if (_keysAndTenants?.Match(in context) is { } byKeyOrTenant)
        {
            return byKeyOrTenant;
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
