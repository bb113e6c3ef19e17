using System;
using System.Collections.Generic;

namespace TypedFlags;

/// <summary>
/// A deploy-time override of one flag, read from configuration: a kill (step 1), per-target values (steps 1 and 3),
/// extra allow and deny entries (step 4), a global value (step 5) and/or a rollout that replaces the declared
/// rollout and schedule (step 5, evaluation continues), the whole of it optionally ending at <see cref="Expires"/>.
/// Outcomes are built here, once, so evaluation hands them out without allocating.
/// </summary>
internal sealed class RuntimeOverride
{
    private static readonly TargetOverride[] NoTargets = Array.Empty<TargetOverride>();

    public RuntimeOverride(
        FlagOutcome? value,
        FlagOutcome? killed,
        int rolloutThousandths,
        string rolloutSource,
        TargetMap? allow = null,
        TargetMap? deny = null,
        TargetOverride[]? targets = null,
        DateTimeOffset? expires = null)
    {
        Value = value;
        Killed = killed;
        RolloutThousandths = rolloutThousandths;
        InRollout = new FlagOutcome(FlagValue.FromBool(true), FlagReason.Split, rolloutSource);
        Allow = allow;
        Deny = deny;
        Targets = targets ?? NoTargets;
        Expires = expires;
    }

    /// <summary>Step 5: the forced value, or null.</summary>
    public FlagOutcome? Value { get; }

    /// <summary>Step 1: the Off outcome of a kill, or null.</summary>
    public FlagOutcome? Killed { get; }

    /// <summary>A rollout replacing the declared one, or <see cref="CompiledFlag.NoRollout"/>.</summary>
    public int RolloutThousandths { get; }

    /// <summary>The outcome of a context that the overriding rollout includes.</summary>
    public FlagOutcome InRollout { get; }

    /// <summary>Step 4: entries added to the declared allow list, or null.</summary>
    public TargetMap? Allow { get; }

    /// <summary>Step 4: entries added to the declared deny list, or null.</summary>
    public TargetMap? Deny { get; }

    /// <summary>Steps 1 and 3: per-target values, each with its own expiry.</summary>
    public TargetOverride[] Targets { get; }

    /// <summary>When the whole override stops applying, or null for never.</summary>
    public DateTimeOffset? Expires { get; }

    /// <summary>What a kill switch returns: Off for bool flags, the declared default for the others.</summary>
    public static FlagOutcome KilledOutcome(FlagDefinition definition, string source) =>
        new(definition.Type == FlagValueKind.Bool ? FlagValue.FromBool(false) : definition.DefaultValue, FlagReason.Killed, source);

    /// <summary>True when the override as a whole applies at <paramref name="now"/>.</summary>
    public bool AppliesAt(DateTimeOffset now) => Expires is not { } expires || now < expires;

    /// <summary>
    /// The per-target entries that apply at <paramref name="now"/>, split into kills (step 1) and values (step 3);
    /// null maps when there are none.
    /// </summary>
    public (TargetMap? Kills, TargetMap? Values) TargetsAt(DateTimeOffset now)
    {
        if (Targets.Length == 0)
        {
            return (null, null);
        }

        var kills = new List<KeyValuePair<string, FlagOutcome>>();
        var values = new List<KeyValuePair<string, FlagOutcome>>();
        foreach (var entry in Targets)
        {
            if (entry.Expires is { } expires && now >= expires)
            {
                continue;
            }

            (entry.IsKill ? kills : values).Add(new KeyValuePair<string, FlagOutcome>(entry.Target, entry.Outcome));
        }

        return (TargetMap.Create(kills), TargetMap.Create(values));
    }

    /// <summary>The first expiry (of the override or one of its targets) after <paramref name="now"/>, or null.</summary>
    public DateTimeOffset? NextExpiryAfter(DateTimeOffset now)
    {
        DateTimeOffset? next = null;
        Consider(Expires);
        foreach (var entry in Targets)
        {
            Consider(entry.Expires);
        }

        return next;

        void Consider(DateTimeOffset? candidate)
        {
            if (candidate is { } at && at > now && (next is null || at < next.Value))
            {
                next = at;
            }
        }
    }
}
