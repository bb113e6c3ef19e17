using System;
using System.Collections.Generic;

namespace TypedFlags;

/// <summary>
/// One flag's declarations, resolved for the engine's environment and laid out for evaluation: indexes instead
/// of keys, hash sets instead of lists, thousandths instead of percentages, the base value already chosen. Built
/// once per engine; it never changes, so snapshots share it.
/// </summary>
internal sealed class CompiledFlag
{
    private readonly DateTimeOffset[] _stepTimes;
    private readonly int[] _stepRollouts;
    private readonly int _declaredRollout;

    private CompiledFlag(FlagManifest manifest, int index, string environmentName)
    {
        var definition = manifest.Flags[index];
        Key = definition.Key;
        Kind = definition.Type;
        DefaultValue = definition.DefaultValue;
        BucketBy = definition.BucketBy;
        HashName = definition.HashName ?? definition.Key;
        IgnoreCase = manifest.IgnoreCase;
        BucketPrefix = RolloutBucket.Prefix(HashName);
        SplitPrefix = definition.Seed is { } seed ? RolloutBucket.Prefix(seed) : BucketPrefix;
        MicrosoftSeed = definition.Seed ?? MicrosoftTargeting.DefaultSeed(HashName);
        GroupRollouts = CompileGroupRollouts(definition, manifest.IgnoreCase);

        Prerequisites = new int[definition.Requires.Count];
        for (var i = 0; i < Prerequisites.Length; i++)
        {
            Prerequisites[i] = manifest.IndexOf(definition.Requires[i]);
        }

        var (baseValue, baseReason) = ResolveBase(manifest, definition, environmentName);
        Base = new FlagOutcome(baseValue, baseReason, FlagSources.Declared);
        var off = FlagValue.FromBool(false);
        var on = FlagValue.FromBool(true);
        PrerequisiteUnmet = new FlagOutcome(Kind == FlagValueKind.Bool ? off : DefaultValue, FlagReason.Prerequisite, FlagSources.Declared);
        InRollout = new FlagOutcome(on, FlagReason.Split, FlagSources.Declared);
        Deny = TargetMap.Create(definition.Deny, new FlagOutcome(off, FlagReason.TargetingMatch, FlagSources.Declared), manifest.IgnoreCase);
        Allow = TargetMap.Create(definition.Allow, new FlagOutcome(on, FlagReason.TargetingMatch, FlagSources.Declared), manifest.IgnoreCase);
        InGroupRollout = new FlagOutcome(on, FlagReason.TargetingMatch, FlagSources.Declared);
        Targets = DeclaredTargets.Create(definition.Targets, manifest.IgnoreCase);

        _declaredRollout = definition.Rollout is { } rollout ? Percent.ToThousandths(rollout) : NoRollout;
        _stepTimes = new DateTimeOffset[definition.Schedule.Count];
        _stepRollouts = new int[definition.Schedule.Count];
        for (var i = 0; i < _stepTimes.Length; i++)
        {
            _stepTimes[i] = definition.Schedule[i].At;
            _stepRollouts[i] = Percent.ToThousandths(definition.Schedule[i].Rollout);
        }

        SplitOutcomes = new FlagOutcome[definition.Split.Count];
        SplitThresholds = new int[definition.Split.Count];
        var cumulative = 0;
        for (var i = 0; i < SplitOutcomes.Length; i++)
        {
            var share = definition.Split[i];
            cumulative += Percent.ToThousandths(share.Value);
            SplitOutcomes[i] = new FlagOutcome(FlagValue.FromVariant(definition.IndexOfVariant(share.Key)), FlagReason.Split, FlagSources.Declared);
            SplitThresholds[i] = cumulative;
        }
    }

    /// <summary>The rollout value meaning "no rollout declared".</summary>
    public const int NoRollout = -1;

    public string Key { get; }

    public FlagValueKind Kind { get; }

    public FlagValue DefaultValue { get; }

    public FlagBucketBy BucketBy { get; }

    /// <summary>The name hashed for rollouts: <c>hash_name</c>, else the key.</summary>
    public string HashName { get; }

    /// <summary>True when targeting ignores case and bucket keys are hashed lowercased.</summary>
    public bool IgnoreCase { get; }

    /// <summary>MurmurHash3 state after <c>{hashName}/</c>; copied for each bucket key.</summary>
    public MurmurHash3 BucketPrefix { get; }

    /// <summary>MurmurHash3 state after <c>{seed}/</c> (else <see cref="BucketPrefix"/>) for splits.</summary>
    public MurmurHash3 SplitPrefix { get; }

    /// <summary>The seed of the <c>microsoft</c> split: <c>seed</c>, else <c>allocation\n{hashName}</c> as Microsoft.FeatureManagement does.</summary>
    public string MicrosoftSeed { get; }

    /// <summary>Step 4, group rollouts in thousandths by group name (ignoring case with <c>ignore_case</c>), or null when none.</summary>
    public Dictionary<string, int>? GroupRollouts { get; }

    /// <summary>Step 4, the outcome of a context inside a group rollout.</summary>
    public FlagOutcome InGroupRollout { get; }

    /// <summary>Indexes of the flags that must be on.</summary>
    public int[] Prerequisites { get; }

    /// <summary>Step 4, the declared deny list (each entry Off), or null when empty.</summary>
    public TargetMap? Deny { get; }

    /// <summary>Step 4, the declared allow list (each entry On), or null when empty.</summary>
    public TargetMap? Allow { get; }

    /// <summary>Declared per-target values of a non-bool flag (<c>targets:</c>), or null.</summary>
    public DeclaredTargets? Targets { get; }

    /// <summary>Step 6 (environment, else phase, else default) for the engine's environment.</summary>
    public FlagOutcome Base { get; }

    /// <summary>Step 2: off for bool flags, the declared default for the others.</summary>
    public FlagOutcome PrerequisiteUnmet { get; }

    /// <summary>Step 7 for bool flags.</summary>
    public FlagOutcome InRollout { get; }

    /// <summary>Step 7 for variant flags: the outcome per split entry, in declaration order.</summary>
    public FlagOutcome[] SplitOutcomes { get; }

    /// <summary>Cumulative split thresholds in thousandths: a bucket below entry i's threshold (and not an earlier one) gets entry i.</summary>
    public int[] SplitThresholds { get; }

    public static CompiledFlag[] CompileAll(FlagManifest manifest, string environmentName)
    {
        var flags = new CompiledFlag[manifest.Flags.Count];
        for (var i = 0; i < flags.Length; i++)
        {
            flags[i] = new CompiledFlag(manifest, i, environmentName);
        }

        return flags;
    }

    /// <summary>The rollout in thousandths at <paramref name="now"/>: the last schedule step that has started, else the declared rollout.</summary>
    public int RolloutAt(DateTimeOffset now)
    {
        for (var i = _stepTimes.Length - 1; i >= 0; i--)
        {
            if (_stepTimes[i] <= now)
            {
                return _stepRollouts[i];
            }
        }

        return _declaredRollout;
    }

    /// <summary>The start of the first schedule step after <paramref name="now"/>, or null when no step is still to come.</summary>
    public DateTimeOffset? NextStepAfter(DateTimeOffset now)
    {
        for (var i = 0; i < _stepTimes.Length; i++)
        {
            if (_stepTimes[i] > now)
            {
                return _stepTimes[i];
            }
        }

        return null;
    }

    private static Dictionary<string, int>? CompileGroupRollouts(FlagDefinition definition, bool ignoreCase)
    {
        if (definition.GroupRollouts.Count == 0)
        {
            return null;
        }

        var rollouts = new Dictionary<string, int>(definition.GroupRollouts.Count, ignoreCase ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal);
        foreach (var group in definition.GroupRollouts)
        {
            rollouts[group.Key] = Percent.ToThousandths(group.Value);
        }

        return rollouts;
    }

    private static (FlagValue Value, FlagReason Reason) ResolveBase(FlagManifest manifest, FlagDefinition definition, string environmentName)
    {
        if (definition.Environments.TryGetValue(environmentName, out var environmentValue))
        {
            return (environmentValue, FlagReason.Environment);
        }

        if (definition.Phase is not null && manifest.FindPhase(definition.Phase) is { } phase)
        {
            return (FlagValue.FromBool(phase.Includes(environmentName)), FlagReason.Phase);
        }

        return (definition.DefaultValue, FlagReason.Default);
    }
}
