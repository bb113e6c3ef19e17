using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Globalization;

namespace TypedFlags;

/// <summary>
/// Everything flags.yaml declares about one flag. The generated flags class builds one per flag; the
/// constructor checks that the facts are consistent with each other and throws <see cref="ArgumentException"/>
/// when they are not (facts that involve other flags are checked by <see cref="FlagManifest"/>).
/// </summary>
public sealed class FlagDefinition
{
    private static readonly IReadOnlyList<string> NoStrings = new ReadOnlyCollection<string>(Array.Empty<string>());
    private static readonly IReadOnlyList<FlagScheduleStep> NoSteps = new ReadOnlyCollection<FlagScheduleStep>(Array.Empty<FlagScheduleStep>());
    private static readonly IReadOnlyList<KeyValuePair<string, double>> NoShares = new ReadOnlyCollection<KeyValuePair<string, double>>(Array.Empty<KeyValuePair<string, double>>());
    private static readonly IReadOnlyDictionary<string, FlagValue> NoEnvironments = new ReadOnlyDictionary<string, FlagValue>(new Dictionary<string, FlagValue>());
    private static readonly IReadOnlyDictionary<string, string> NoMetadata = new ReadOnlyDictionary<string, string>(new Dictionary<string, string>());

    /// <summary>Creates the definition of one flag.</summary>
    /// <param name="key">The flag key, e.g. <c>invoices.write</c>. It cannot contain <c>:</c>, the configuration path separator.</param>
    /// <param name="type">The value type.</param>
    /// <param name="description">What the flag is for.</param>
    /// <param name="defaultValue">The value when nothing else applies; its kind must match <paramref name="type"/>.</param>
    /// <param name="envVar">The flag's environment variable name (explicit <c>env:</c>, else the prefix plus UPPER_SNAKE of the key).</param>
    /// <param name="phase">The release phase (bool flags only), or null.</param>
    /// <param name="rollout">The percentage of bucket keys that get the flag (bool flags only), 0 to 100, or null.</param>
    /// <param name="bucketBy">Which part of the context is the bucket key for rollouts and splits.</param>
    /// <param name="owner">Who owns the flag, or null.</param>
    /// <param name="kind">What the flag is for.</param>
    /// <param name="created">When the flag was created, or null.</param>
    /// <param name="expires">When the flag is expected to be gone, or null.</param>
    /// <param name="launched">When the flag reached its final value for everyone, or null.</param>
    /// <param name="requires">Keys of bool flags that must be on for this flag to apply, or null.</param>
    /// <param name="allow">Targets that get the flag on (bool flags only): targeting keys, <c>tenant:X</c>, <c>group:X</c>.</param>
    /// <param name="deny">Targets that get the flag off (bool flags only); deny wins over allow.</param>
    /// <param name="environments">Base values per environment name (case-insensitive); they beat the phase.</param>
    /// <param name="schedule">Date-driven rollout steps in ascending time order (bool flags only), or null.</param>
    /// <param name="variants">The variant names of a variant flag, in declaration order; null for other types.</param>
    /// <param name="split">Percentage of bucket keys per variant, in declaration order (variant flags only), or null.</param>
    /// <param name="metadata">Free-form name/value pairs carried into reports, or null.</param>
    /// <param name="hashName">
    /// The name hashed in place of <paramref name="key"/> for rollouts, group rollouts and splits (<c>hash_name:</c>),
    /// or null to hash the key: a flag renamed from an old name, or from a Microsoft.FeatureManagement feature name that
    /// is not a valid key (<c>2FA</c>, <c>Feature With Space</c>), keeps every user's cohort.
    /// </param>
    /// <param name="groupRollouts">
    /// Percentage of each group's members that get the flag on (bool flags only; <c>targeting.groups:</c>), in
    /// declaration order, or null.
    /// </param>
    /// <param name="seed">The text hashed for the split in place of the flag's name (variant flags only; <c>seed:</c>), or null.</param>
    /// <param name="lifetimeDays">
    /// The expected lifetime of the flag's kind in days (<c>lifetimes:</c> in flags.yaml), or null for no limit; the
    /// admin page's "past lifetime" badge uses it.
    /// </param>
    /// <param name="targets">
    /// Per-target values (int, double, string and variant flags; <c>targets:</c>), in declaration order: a user id,
    /// <c>tenant:X</c> or <c>group:X</c> and the value it gets, or null.
    /// </param>
    /// <param name="enabledVariants">
    /// The variants under which a variant flag counts as enabled for Microsoft.FeatureManagement's gates
    /// (<c>enabled_variants:</c>), or null for every variant.
    /// </param>
    /// <param name="variantConfiguration">
    /// Per-variant configuration (<c>configuration:</c>) as configuration keys starting with the variant name
    /// (<c>Small</c>, <c>Medium:Size</c>) and their values, or null.
    /// </param>
    /// <exception cref="ArgumentException">The facts are inconsistent; the message says which and why.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="lifetimeDays"/> is negative.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="key"/>, <paramref name="description"/> or <paramref name="envVar"/> is null.</exception>
    public FlagDefinition(
        string key,
        FlagValueKind type,
        string description,
        FlagValue defaultValue,
        string envVar,
        string? phase = null,
        double? rollout = null,
        FlagBucketBy bucketBy = FlagBucketBy.User,
        string? owner = null,
        FlagKind kind = FlagKind.Release,
        DateTime? created = null,
        DateTime? expires = null,
        DateTime? launched = null,
        string[]? requires = null,
        string[]? allow = null,
        string[]? deny = null,
        KeyValuePair<string, FlagValue>[]? environments = null,
        FlagScheduleStep[]? schedule = null,
        string[]? variants = null,
        KeyValuePair<string, double>[]? split = null,
        KeyValuePair<string, string>[]? metadata = null,
        string? hashName = null,
        KeyValuePair<string, double>[]? groupRollouts = null,
        string? seed = null,
        int? lifetimeDays = null,
        KeyValuePair<string, FlagValue>[]? targets = null,
        string[]? enabledVariants = null,
        KeyValuePair<string, string>[]? variantConfiguration = null)
    {
        Key = key ?? throw new ArgumentNullException(nameof(key));
        Description = description ?? throw new ArgumentNullException(nameof(description));
        EnvVar = envVar ?? throw new ArgumentNullException(nameof(envVar));
        CheckKey(key);
        if (envVar.Length == 0)
        {
            throw Invalid(key, "the environment variable name is empty", nameof(envVar));
        }

        if (type < FlagValueKind.Bool || type > FlagValueKind.Variant)
        {
            throw Invalid(key, $"'{type}' is not a flag type", nameof(type));
        }

        if (bucketBy != FlagBucketBy.User && bucketBy != FlagBucketBy.Tenant)
        {
            throw Invalid(key, $"'{bucketBy}' is not a bucket_by value", nameof(bucketBy));
        }

        if (kind < FlagKind.Release || kind > FlagKind.Permission)
        {
            throw Invalid(key, $"'{kind}' is not a flag kind", nameof(kind));
        }

        Type = type;
        BucketBy = bucketBy;
        Kind = kind;
        LifetimeDays = lifetimeDays is null or >= 0 ? lifetimeDays : throw new ArgumentOutOfRangeException(nameof(lifetimeDays), lifetimeDays, "A lifetime cannot be negative.");
        Owner = owner;
        Created = created;
        Expires = expires;
        Launched = launched;

        // Variants come first: the default, the environment values and the split are checked against them.
        Variants = ReadVariants(key, type, variants);
        CheckValue(key, defaultValue, "the default value", nameof(defaultValue));
        DefaultValue = defaultValue;

        if (phase is not null)
        {
            RequireBool(key, type, "phase", nameof(phase));
            if (phase.Length == 0)
            {
                throw Invalid(key, "the phase name is empty", nameof(phase));
            }
        }

        Phase = phase;

        if (rollout is { } percent)
        {
            RequireBool(key, type, "rollout", nameof(rollout));
            if (!(percent >= 0d && percent <= 100d))
            {
                throw Invalid(key, $"rollout {percent} is not a percentage from 0 to 100", nameof(rollout));
            }
        }

        Rollout = rollout;

        Requires = ReadRequires(key, requires);
        Allow = ReadTargets(key, type, allow, "allow", nameof(allow));
        Deny = ReadTargets(key, type, deny, "deny", nameof(deny));
        Environments = ReadEnvironments(key, environments);
        Schedule = ReadSchedule(key, type, schedule);
        Split = ReadSplit(key, type, split);
        Metadata = ReadMetadata(key, metadata);
        HashName = ReadHashText(key, hashName, "hash_name", nameof(hashName));
        GroupRollouts = ReadGroupRollouts(key, type, groupRollouts);
        if (seed is not null && type != FlagValueKind.Variant)
        {
            throw Invalid(key, $"seed applies only to variant flags, and the flag is of type {type}", nameof(seed));
        }

        Seed = ReadHashText(key, seed, "seed", nameof(seed));
        Targets = ReadTargetValues(key, targets);
        EnabledVariants = ReadEnabledVariants(key, enabledVariants);
        VariantConfiguration = ReadVariantConfiguration(key, variantConfiguration);
    }

    /// <summary>The flag key.</summary>
    public string Key { get; }

    /// <summary>The value type.</summary>
    public FlagValueKind Type { get; }

    /// <summary>What the flag is for.</summary>
    public string Description { get; }

    /// <summary>The value when nothing else applies.</summary>
    public FlagValue DefaultValue { get; }

    /// <summary>The flag's environment variable name (explicit <c>env:</c>, else the prefix plus UPPER_SNAKE of the key).</summary>
    public string EnvVar { get; }

    /// <summary>The release phase, or null.</summary>
    public string? Phase { get; }

    /// <summary>The declared rollout percentage, or null.</summary>
    public double? Rollout { get; }

    /// <summary>Which part of the context is the bucket key for rollouts and splits.</summary>
    public FlagBucketBy BucketBy { get; }

    /// <summary>Who owns the flag, or null.</summary>
    public string? Owner { get; }

    /// <summary>What the flag is for.</summary>
    public FlagKind Kind { get; }

    /// <summary>When the flag was created, or null.</summary>
    public DateTime? Created { get; }

    /// <summary>When the flag is expected to be gone, or null.</summary>
    public DateTime? Expires { get; }

    /// <summary>When the flag reached its final value for everyone, or null.</summary>
    public DateTime? Launched { get; }

    /// <summary>The expected lifetime of the flag's kind in days (<c>lifetimes:</c>), or null for no limit.</summary>
    public int? LifetimeDays { get; }

    /// <summary>Keys of the bool flags that must be on for this flag to apply.</summary>
    public IReadOnlyList<string> Requires { get; }

    /// <summary>Declared allow entries: targeting keys, <c>tenant:X</c> and <c>group:X</c>.</summary>
    public IReadOnlyList<string> Allow { get; }

    /// <summary>Declared deny entries: targeting keys, <c>tenant:X</c> and <c>group:X</c>.</summary>
    public IReadOnlyList<string> Deny { get; }

    /// <summary>Base values per environment name, looked up case-insensitively.</summary>
    public IReadOnlyDictionary<string, FlagValue> Environments { get; }

    /// <summary>Date-driven rollout steps in ascending time order.</summary>
    public IReadOnlyList<FlagScheduleStep> Schedule { get; }

    /// <summary>The variant names of a variant flag, in declaration order; empty for other types.</summary>
    public IReadOnlyList<string> Variants { get; }

    /// <summary>Percentage of bucket keys per variant, in declaration order (the order decides who gets which variant).</summary>
    public IReadOnlyList<KeyValuePair<string, double>> Split { get; }

    /// <summary>Free-form name/value pairs.</summary>
    public IReadOnlyDictionary<string, string> Metadata { get; }

    /// <summary>The name hashed in place of the key for rollouts, group rollouts and splits, or null when the key is hashed.</summary>
    public string? HashName { get; }

    /// <summary>Percentage of each group's members that get the flag on, in declaration order (bool flags).</summary>
    public IReadOnlyList<KeyValuePair<string, double>> GroupRollouts { get; }

    /// <summary>The text hashed for the split in place of the flag's name (variant flags), or null.</summary>
    public string? Seed { get; }

    /// <summary>
    /// Per-target values (non-bool flags; <c>targets:</c>), in declaration order: a user id, <c>tenant:X</c> or
    /// <c>group:X</c> and the value it gets. Among groups, the first declared that the caller is in wins.
    /// </summary>
    public IReadOnlyList<KeyValuePair<string, FlagValue>> Targets { get; }

    /// <summary>
    /// The variants under which a variant flag counts as enabled for Microsoft.FeatureManagement's
    /// <c>IsEnabledAsync</c> and <c>[FeatureGate]</c> (<c>enabled_variants:</c>), or null when every variant does.
    /// </summary>
    public IReadOnlyList<string>? EnabledVariants { get; }

    /// <summary>
    /// Per-variant configuration (variant flags; <c>configuration:</c>), flattened into configuration keys that start
    /// with the variant name (<c>Small</c>, <c>Medium:Size</c>), in declaration order.
    /// </summary>
    public IReadOnlyList<KeyValuePair<string, string>> VariantConfiguration { get; }

    /// <summary>The key and type, e.g. <c>invoices.write (Bool)</c>.</summary>
    public override string ToString() => Key + " (" + Type + ")";

    /// <summary>The index of a variant name (case-insensitive, as configuration values are), or -1.</summary>
    internal int IndexOfVariant(string name)
    {
        for (var i = 0; i < Variants.Count; i++)
        {
            if (string.Equals(Variants[i], name, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Throws unless <paramref name="value"/> is a valid value for this flag.</summary>
    internal void CheckValue(FlagValue value, string what, string parameterName) => CheckValue(Key, value, what, parameterName);

    private void CheckValue(string key, FlagValue value, string what, string parameterName)
    {
        if (value.Kind != Type)
        {
            throw Invalid(key, $"{what} is a {value.Kind} value, but the flag is of type {Type}", parameterName);
        }

        if (Type == FlagValueKind.Variant && value.Int32 >= Variants.Count)
        {
            throw Invalid(key, $"{what} is variant #{value.Int32}, but the flag declares {Variants.Count} variant(s)", parameterName);
        }
    }

    private static void CheckKey(string key)
    {
        if (key.Length == 0)
        {
            throw new ArgumentException("A flag key cannot be empty.", nameof(key));
        }

        // ':' would split the key into two levels of the configuration path Flags:<key>.
        if (key.IndexOf(':') >= 0)
        {
            throw new ArgumentException($"Flag key '{key}' contains ':', the configuration path separator.", nameof(key));
        }

        foreach (var c in key)
        {
            if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                throw new ArgumentException($"Flag key '{key}' contains whitespace or a control character.", nameof(key));
            }
        }
    }

    private static IReadOnlyList<string> ReadVariants(string key, FlagValueKind type, string[]? variants)
    {
        if (type != FlagValueKind.Variant)
        {
            if (variants is { Length: > 0 })
            {
                throw Invalid(key, $"variants apply only to variant flags, and the flag is of type {type}", nameof(variants));
            }

            return NoStrings;
        }

        if (variants is null || variants.Length == 0)
        {
            throw Invalid(key, "a variant flag needs at least one variant", nameof(variants));
        }

        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var variant in variants)
        {
            if (string.IsNullOrEmpty(variant))
            {
                throw Invalid(key, "a variant name is null or empty", nameof(variants));
            }

            if (!seen.Add(variant))
            {
                throw Invalid(key, $"variant '{variant}' is declared more than once (names are compared case-insensitively)", nameof(variants));
            }
        }

        return new ReadOnlyCollection<string>((string[])variants.Clone());
    }

    private static IReadOnlyList<string> ReadRequires(string key, string[]? requires)
    {
        if (requires is null || requires.Length == 0)
        {
            return NoStrings;
        }

        foreach (var prerequisite in requires)
        {
            if (string.IsNullOrEmpty(prerequisite))
            {
                throw Invalid(key, "a prerequisite key is null or empty", nameof(requires));
            }

            if (string.Equals(prerequisite, key, StringComparison.OrdinalIgnoreCase))
            {
                throw Invalid(key, "a flag cannot require itself", nameof(requires));
            }
        }

        return new ReadOnlyCollection<string>((string[])requires.Clone());
    }

    private static IReadOnlyList<string> ReadTargets(string key, FlagValueKind type, string[]? targets, string field, string parameterName)
    {
        if (targets is null || targets.Length == 0)
        {
            return NoStrings;
        }

        RequireBool(key, type, field, parameterName);
        var normalized = new string[targets.Length];
        for (var i = 0; i < targets.Length; i++)
        {
            // The rule flags.yaml (TF0005) and overrides follow: a name after the prefix, which ignores case.
            if (targets[i] is null || !Manifest.Overrides.TargetGrammar.TryNormalize(targets[i], out normalized[i]))
            {
                throw Invalid(key, $"{field} has an empty entry ('{targets[i]}'); accepted: {Manifest.Overrides.TargetGrammar.Accepted}", parameterName);
            }
        }

        return new ReadOnlyCollection<string>(normalized);
    }

    private IReadOnlyDictionary<string, FlagValue> ReadEnvironments(string key, KeyValuePair<string, FlagValue>[]? environments)
    {
        if (environments is null || environments.Length == 0)
        {
            return NoEnvironments;
        }

        var map = new Dictionary<string, FlagValue>(environments.Length, StringComparer.OrdinalIgnoreCase);
        foreach (var entry in environments)
        {
            if (string.IsNullOrEmpty(entry.Key))
            {
                throw Invalid(key, "an environment name is null or empty", nameof(environments));
            }

            if (map.ContainsKey(entry.Key))
            {
                throw Invalid(key, $"environment '{entry.Key}' is listed more than once (names are compared case-insensitively)", nameof(environments));
            }

            CheckValue(key, entry.Value, $"the value for environment '{entry.Key}'", nameof(environments));
            map.Add(entry.Key, entry.Value);
        }

        return new ReadOnlyDictionary<string, FlagValue>(map);
    }

    private static IReadOnlyList<FlagScheduleStep> ReadSchedule(string key, FlagValueKind type, FlagScheduleStep[]? schedule)
    {
        if (schedule is null || schedule.Length == 0)
        {
            return NoSteps;
        }

        RequireBool(key, type, "schedule", nameof(schedule));
        for (var i = 0; i < schedule.Length; i++)
        {
            if (schedule[i] is null)
            {
                throw Invalid(key, $"schedule step #{i + 1} is null", nameof(schedule));
            }

            // "The last step whose time has passed wins" only means something when the steps are in order.
            if (i > 0 && schedule[i].At <= schedule[i - 1].At)
            {
                throw Invalid(key, $"schedule step #{i + 1} ({schedule[i]}) does not come after the previous step ({schedule[i - 1]}); steps must be in ascending time order", nameof(schedule));
            }
        }

        return new ReadOnlyCollection<FlagScheduleStep>((FlagScheduleStep[])schedule.Clone());
    }

    private IReadOnlyList<KeyValuePair<string, double>> ReadSplit(string key, FlagValueKind type, KeyValuePair<string, double>[]? split)
    {
        if (split is null || split.Length == 0)
        {
            return NoShares;
        }

        if (type != FlagValueKind.Variant)
        {
            throw Invalid(key, $"split applies only to variant flags, and the flag is of type {type}", nameof(split));
        }

        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var total = 0;
        foreach (var share in split)
        {
            if (share.Key is null || IndexOfVariant(share.Key) < 0)
            {
                throw Invalid(key, $"split names '{share.Key}', which is not a variant of the flag (variants: {string.Join(", ", Variants)})", nameof(split));
            }

            if (!seen.Add(share.Key))
            {
                throw Invalid(key, $"split lists variant '{share.Key}' more than once", nameof(split));
            }

            if (!(share.Value >= 0d && share.Value <= 100d))
            {
                throw Invalid(key, $"split share {share.Value} for '{share.Key}' is not a percentage from 0 to 100", nameof(split));
            }

            total += Percent.ToThousandths(share.Value);
        }

        if (total > Percent.All)
        {
            throw Invalid(key, $"the split shares add up to {(total / 1000m).ToString(CultureInfo.InvariantCulture)}%, more than 100%", nameof(split));
        }

        return new ReadOnlyCollection<KeyValuePair<string, double>>((KeyValuePair<string, double>[])split.Clone());
    }

    private static string? ReadHashText(string key, string? text, string field, string parameterName)
    {
        if (text is null)
        {
            return null;
        }

        if (text.Length == 0)
        {
            throw Invalid(key, $"{field} is empty", parameterName);
        }

        foreach (var c in text)
        {
            // A newline would run into the separator of Microsoft's hashed text ({id}\n{name}).
            if (char.IsControl(c))
            {
                throw Invalid(key, $"{field} '{text}' contains a control character", parameterName);
            }
        }

        return text;
    }

    private static IReadOnlyList<KeyValuePair<string, double>> ReadGroupRollouts(string key, FlagValueKind type, KeyValuePair<string, double>[]? groupRollouts)
    {
        if (groupRollouts is null || groupRollouts.Length == 0)
        {
            return NoShares;
        }

        RequireBool(key, type, "group rollouts", nameof(groupRollouts));

        // Unique ignoring case: with ignoreCase the manifest matches them that way, and flags.yaml rejects such pairs anyway.
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var group in groupRollouts)
        {
            if (string.IsNullOrEmpty(group.Key))
            {
                throw Invalid(key, "a group rollout has no group name", nameof(groupRollouts));
            }

            if (!seen.Add(group.Key))
            {
                throw Invalid(key, $"group '{group.Key}' has more than one rollout (names are compared case-insensitively)", nameof(groupRollouts));
            }

            if (!(group.Value >= 0d && group.Value <= 100d))
            {
                throw Invalid(key, $"rollout {group.Value} for group '{group.Key}' is not a percentage from 0 to 100", nameof(groupRollouts));
            }
        }

        return new ReadOnlyCollection<KeyValuePair<string, double>>((KeyValuePair<string, double>[])groupRollouts.Clone());
    }

    private static IReadOnlyDictionary<string, string> ReadMetadata(string key, KeyValuePair<string, string>[]? metadata)
    {
        if (metadata is null || metadata.Length == 0)
        {
            return NoMetadata;
        }

        var map = new Dictionary<string, string>(metadata.Length, StringComparer.Ordinal);
        foreach (var entry in metadata)
        {
            if (entry.Key is null || entry.Value is null)
            {
                throw Invalid(key, "a metadata name or value is null", nameof(metadata));
            }

            if (map.ContainsKey(entry.Key))
            {
                throw Invalid(key, $"metadata '{entry.Key}' is listed more than once", nameof(metadata));
            }

            map.Add(entry.Key, entry.Value);
        }

        return new ReadOnlyDictionary<string, string>(map);
    }

    private IReadOnlyList<KeyValuePair<string, FlagValue>> ReadTargetValues(string key, KeyValuePair<string, FlagValue>[]? targets)
    {
        if (targets is null || targets.Length == 0)
        {
            return Array.Empty<KeyValuePair<string, FlagValue>>();
        }

        if (Type == FlagValueKind.Bool)
        {
            throw Invalid(key, "targets apply to int, double, string and variant flags; a bool flag uses allow and deny", nameof(targets));
        }

        var normalized = new KeyValuePair<string, FlagValue>[targets.Length];
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < targets.Length; i++)
        {
            // The rule flags.yaml (TF0005) and overrides follow: a name after the prefix, which ignores case.
            if (targets[i].Key is null || !Manifest.Overrides.TargetGrammar.TryNormalize(targets[i].Key, out var target))
            {
                throw Invalid(key, $"targets has an invalid entry ('{targets[i].Key}'); accepted: {Manifest.Overrides.TargetGrammar.Accepted}", nameof(targets));
            }

            if (!seen.Add(target))
            {
                throw Invalid(key, $"target '{target}' is listed more than once (targets are compared case-insensitively)", nameof(targets));
            }

            CheckValue(key, targets[i].Value, $"the value for target '{target}'", nameof(targets));
            normalized[i] = new KeyValuePair<string, FlagValue>(target, targets[i].Value);
        }

        return new ReadOnlyCollection<KeyValuePair<string, FlagValue>>(normalized);
    }

    private IReadOnlyList<string>? ReadEnabledVariants(string key, string[]? enabledVariants)
    {
        if (enabledVariants is null)
        {
            return null;
        }

        if (Type != FlagValueKind.Variant)
        {
            throw Invalid(key, $"enabled_variants applies only to variant flags, and the flag is of type {Type}", nameof(enabledVariants));
        }

        var names = new string[enabledVariants.Length];
        for (var i = 0; i < names.Length; i++)
        {
            var index = IndexOfVariant(enabledVariants[i]);
            if (index < 0)
            {
                throw Invalid(key, $"enabled variant '{enabledVariants[i]}' is not one of its variants ({string.Join(", ", Variants)})", nameof(enabledVariants));
            }

            names[i] = Variants[index];
        }

        return new ReadOnlyCollection<string>(names);
    }

    private IReadOnlyList<KeyValuePair<string, string>> ReadVariantConfiguration(string key, KeyValuePair<string, string>[]? configuration)
    {
        if (configuration is null || configuration.Length == 0)
        {
            return Array.Empty<KeyValuePair<string, string>>();
        }

        if (Type != FlagValueKind.Variant)
        {
            throw Invalid(key, $"configuration applies only to variant flags, and the flag is of type {Type}", nameof(configuration));
        }

        foreach (var entry in configuration)
        {
            var separator = entry.Key?.IndexOf(':') ?? -1;
            var variant = separator < 0 ? entry.Key : entry.Key!.Substring(0, separator);
            if (variant is null || IndexOfVariant(variant) < 0 || entry.Value is null)
            {
                throw Invalid(key, $"configuration key '{entry.Key}' does not start with one of its variants ({string.Join(", ", Variants)}) or has no value", nameof(configuration));
            }
        }

        return new ReadOnlyCollection<KeyValuePair<string, string>>((KeyValuePair<string, string>[])configuration.Clone());
    }

    private static void RequireBool(string key, FlagValueKind type, string field, string parameterName)
    {
        if (type != FlagValueKind.Bool)
        {
            throw Invalid(key, $"{field} applies only to bool flags, and the flag is of type {type}", parameterName);
        }
    }

    private static ArgumentException Invalid(string key, string problem, string parameterName) =>
        new($"Flag '{key}': {problem}.", parameterName);
}
