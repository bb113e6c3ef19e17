using TypedFlags.Manifest.Collections;
using TypedFlags.Manifest.Model;

namespace TypedFlags.Manifest.Parsing;

/// <summary>The defaults SPEC §2 gives for omitted top-level fields.</summary>
public static class ManifestDefaults
{
    /// <summary>Generated class name.</summary>
    public const string ClassName = "Flags";

    /// <summary>Environment variable prefix.</summary>
    public const string EnvPrefix = "FLAGS_";

    /// <summary>Configuration section.</summary>
    public const string ConfigSection = "Flags";

    /// <summary>Grace period after a flag is fully launched.</summary>
    public const int StaleAfterDays = 30;

    /// <summary>Expected lifetimes per kind (Unleash's defaults).</summary>
    public static EquatableArray<LifetimeModel> Lifetimes { get; } = EquatableArray.From(new[]
    {
        new LifetimeModel(FlagKindModel.Release, 40),
        new LifetimeModel(FlagKindModel.Experiment, 40),
        new LifetimeModel(FlagKindModel.Operational, 7),
        new LifetimeModel(FlagKindModel.KillSwitch, null),
        new LifetimeModel(FlagKindModel.Permission, null),
    });

    /// <summary>Phases used when the file declares none.</summary>
    public static EquatableArray<PhaseModel> Phases { get; } = EquatableArray.From(new[]
    {
        new PhaseModel("stable", EquatableArray.From(new[] { "production", "staging", "development" })),
        new PhaseModel("beta", EquatableArray.From(new[] { "staging", "development" })),
        new PhaseModel("experimental", EquatableArray.From(new[] { "development" })),
    });
}
