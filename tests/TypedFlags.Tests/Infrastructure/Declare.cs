using System;
using System.Collections.Generic;

namespace TypedFlags.Tests.Infrastructure;

/// <summary>Short ways to declare flags and build engines the way generated code does.</summary>
internal static class Declare
{
    public const string Environment = "Production";

    public static FlagDefinition Bool(
        string key,
        FlagMode @default = FlagMode.Off,
        string? phase = null,
        double? rollout = null,
        FlagBucketBy bucketBy = FlagBucketBy.User,
        string[]? requires = null,
        string[]? allow = null,
        string[]? deny = null,
        KeyValuePair<string, FlagValue>[]? environments = null,
        FlagScheduleStep[]? schedule = null) =>
        new(
            key,
            FlagValueKind.Bool,
            "Test flag " + key,
            FlagValue.FromMode(@default),
            EnvVar(key),
            phase: phase,
            rollout: rollout,
            bucketBy: bucketBy,
            requires: requires,
            allow: allow,
            deny: deny,
            environments: environments,
            schedule: schedule);

    public static FlagDefinition Int(
        string key,
        int @default,
        string[]? requires = null,
        KeyValuePair<string, FlagValue>[]? environments = null) =>
        new(key, FlagValueKind.Int, "Test flag " + key, FlagValue.FromInt(@default), EnvVar(key), requires: requires, environments: environments);

    public static FlagDefinition Double(string key, double @default) =>
        new(key, FlagValueKind.Double, "Test flag " + key, FlagValue.FromDouble(@default), EnvVar(key));

    public static FlagDefinition String(string key, string @default) =>
        new(key, FlagValueKind.String, "Test flag " + key, FlagValue.FromString(@default), EnvVar(key));

    public static FlagDefinition Variant(
        string key,
        string[] variants,
        int @default = 0,
        KeyValuePair<string, double>[]? split = null,
        FlagBucketBy bucketBy = FlagBucketBy.User,
        string[]? requires = null,
        KeyValuePair<string, FlagValue>[]? environments = null) =>
        new(
            key,
            FlagValueKind.Variant,
            "Test flag " + key,
            FlagValue.FromVariant(@default),
            EnvVar(key),
            bucketBy: bucketBy,
            requires: requires,
            environments: environments,
            variants: variants,
            split: split);

    public static KeyValuePair<string, FlagValue> In(string environment, FlagValue value) => new(environment, value);

    public static KeyValuePair<string, double> Share(string variant, double percent) => new(variant, percent);

    public static FlagManifest Manifest(params FlagDefinition[] flags) => new(flags, Phases());

    public static FlagManifest Manifest(BucketingAlgorithm bucketing, params FlagDefinition[] flags) =>
        new(flags, Phases(), bucketing: bucketing);

    public static FlagPhase[] Phases() => new[]
    {
        new FlagPhase("stable", new[] { "production", "staging", "development" }),
        new FlagPhase("beta", new[] { "staging", "development" }),
        new FlagPhase("experimental", new[] { "development" }),
    };

    public static FlagEngine Engine(FlagManifest manifest, string environment = Environment, TimeProvider? time = null) =>
        new(manifest, configuration: null, new FlagOptions { EnvironmentName = environment, TimeProvider = time });

    public static FlagEngine Testing(FlagManifest manifest, Action<TestOverrides> configure, string environment = Environment)
    {
        var overrides = new TestOverrides(manifest);
        configure(overrides);
        return FlagEngine.ForTesting(manifest, overrides, new FlagOptions { EnvironmentName = environment });
    }

    /// <summary>A bool accessor for the flag with <paramref name="key"/>.</summary>
    public static BoolFlag BoolAccessor(this FlagEngine engine, string key) => new(engine, engine.Manifest.IndexOf(key));

    private static string EnvVar(string key) => "FLAGS_" + key.ToUpperInvariant().Replace('.', '_').Replace('-', '_');
}
