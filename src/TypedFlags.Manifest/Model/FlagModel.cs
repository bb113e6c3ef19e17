using System;
using TypedFlags.Manifest.Collections;

namespace TypedFlags.Manifest.Model;

/// <summary>One declared flag, validated, with defaults applied and names derived.</summary>
/// <param name="Key">The key as declared (<c>invoices.write</c>).</param>
/// <param name="AccessorName">Generated property name (<c>InvoicesWrite</c>).</param>
/// <param name="EnvVar">Environment variable that overrides the flag.</param>
/// <param name="Description">Required human description.</param>
/// <param name="Type">Value type.</param>
/// <param name="Default">Declared default, or the type's implicit default.</param>
/// <param name="Phase">Phase name, if any.</param>
/// <param name="RolloutThousandths">Declared rollout in thousandths of a percent, if any.</param>
/// <param name="BucketBy">Which context value rollouts bucket on.</param>
/// <param name="Owner">Owning team or person.</param>
/// <param name="Kind">Lifetime kind.</param>
/// <param name="Created">Creation date.</param>
/// <param name="Expires">Expiry date.</param>
/// <param name="Launched">Date the flag reached its final value for everyone.</param>
/// <param name="Requires">Keys of prerequisite bool flags.</param>
/// <param name="Allow">Declared allow list (user ids, <c>tenant:X</c>, <c>group:X</c>).</param>
/// <param name="Deny">Declared deny list.</param>
/// <param name="Environments">Per-environment base values.</param>
/// <param name="Schedule">Schedule steps in ascending time order.</param>
/// <param name="Variants">Variants, for variant flags.</param>
/// <param name="Split">Variant split, in declaration order.</param>
/// <param name="Metadata">Free-form metadata.</param>
/// <param name="HashName">The name hashed in place of the key (<c>hash_name</c>), if any.</param>
/// <param name="Seed">The text hashed for a variant split in place of the flag's name (<c>seed</c>), if any.</param>
/// <param name="GroupRollouts">Group rollouts (<c>targeting.groups</c>), in declaration order.</param>
/// <param name="Targets">Per-target values (<c>targets</c>, non-bool flags), in declaration order.</param>
/// <param name="EnabledVariants">
/// The variants under which a variant flag counts as enabled for <c>IsEnabledAsync</c>-style gates
/// (<c>enabled_variants</c>); null when not declared (every variant).
/// </param>
/// <param name="Configuration">Per-variant configuration (<c>configuration</c>), flattened, in declaration order.</param>
public sealed record FlagModel(
    string Key,
    string AccessorName,
    string EnvVar,
    string Description,
    FlagValueType Type,
    FlagValueModel Default,
    string? Phase,
    int? RolloutThousandths,
    BucketByModel BucketBy,
    string? Owner,
    FlagKindModel Kind,
    DateTime? Created,
    DateTime? Expires,
    DateTime? Launched,
    EquatableArray<string> Requires,
    EquatableArray<string> Allow,
    EquatableArray<string> Deny,
    EquatableArray<EnvironmentValueModel> Environments,
    EquatableArray<ScheduleStepModel> Schedule,
    EquatableArray<VariantModel> Variants,
    EquatableArray<SplitEntryModel> Split,
    EquatableArray<MetadataEntryModel> Metadata,
    string? HashName = null,
    string? Seed = null,
    EquatableArray<GroupRolloutModel> GroupRollouts = default,
    EquatableArray<TargetValueModel> Targets = default,
    EquatableArray<string>? EnabledVariants = null,
    EquatableArray<VariantConfigurationModel> Configuration = default);
