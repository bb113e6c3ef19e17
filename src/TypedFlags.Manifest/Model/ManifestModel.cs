using TypedFlags.Manifest.Collections;

namespace TypedFlags.Manifest.Model;

/// <summary>
/// Everything a valid flags.yaml declares, with defaults applied and names derived. Holds no source
/// locations, so a comment or whitespace edit of the file produces an equal model and the generator's
/// output stage stays cached.
/// </summary>
/// <param name="Namespace">Generated namespace, or null for the project's root namespace.</param>
/// <param name="ClassName">Generated class name (default <c>Flags</c>).</param>
/// <param name="EnvPrefix">Prefix of derived environment variable names (default <c>FLAGS_</c>).</param>
/// <param name="ConfigSection">Configuration section for overrides (default <c>Flags</c>).</param>
/// <param name="Bucketing">Rollout hash.</param>
/// <param name="StaleAfterDays">Grace period after a flag is fully launched.</param>
/// <param name="Lifetimes">Expected lifetime per kind, in kind order; null days means no limit.</param>
/// <param name="Phases">Declared phases, in file order.</param>
/// <param name="Flags">Declared flags, in file order.</param>
/// <param name="IgnoreCase">Targeting ignores case and bucket keys are hashed lowercased (<c>ignore_case</c>).</param>
public sealed record ManifestModel(
    string? Namespace,
    string ClassName,
    string EnvPrefix,
    string ConfigSection,
    BucketingModel Bucketing,
    int StaleAfterDays,
    EquatableArray<LifetimeModel> Lifetimes,
    EquatableArray<PhaseModel> Phases,
    EquatableArray<FlagModel> Flags,
    bool IgnoreCase = false);
