namespace TypedFlags.Manifest.Parsing;

/// <summary>
/// The field names of flags.yaml version 1. flags.schema.json must declare exactly these (a test compares
/// them), and unknown-field suggestions come from these lists.
/// </summary>
public static class ManifestFields
{
    /// <summary>Top-level fields.</summary>
    public static readonly string[] TopLevel =
    {
        "version", "namespace", "class", "env_prefix", "config_section", "bucketing", "ignore_case", "stale_after", "lifetimes", "phases", "flags",
    };

    /// <summary>Fields of a flag.</summary>
    public static readonly string[] Flag =
    {
        "description", "type", "default", "phase", "rollout", "bucket_by", "env", "owner", "kind", "created", "expires",
        "launched", "requires", "targeting", "environments", "schedule", "metadata", "variants", "split", "seed", "hash_name",
        "targets", "enabled_variants", "configuration",
    };

    /// <summary>Fields of <c>targeting</c>.</summary>
    public static readonly string[] Targeting = { "allow", "deny", "groups" };

    /// <summary>Fields of a <c>schedule</c> step.</summary>
    public static readonly string[] ScheduleStep = { "at", "rollout" };

    /// <summary>Fields of <c>lifetimes</c> (the flag kinds).</summary>
    public static readonly string[] Lifetimes = { "release", "experiment", "operational", "kill-switch", "permission" };

    /// <summary>Accepted <c>type</c> values.</summary>
    public static readonly string[] Types = { "bool", "int", "double", "string", "variant" };

    /// <summary>Accepted <c>kind</c> values.</summary>
    public static readonly string[] Kinds = Lifetimes;

    /// <summary>Accepted <c>bucket_by</c> values.</summary>
    public static readonly string[] BucketBy = { "user", "tenant" };

    /// <summary>Accepted <c>bucketing</c> values.</summary>
    public static readonly string[] Bucketing = { "typedflags", "microsoft" };
}
