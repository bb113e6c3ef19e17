namespace TypedFlags;

/// <summary>How a bucket key is placed in a percentage rollout or split (<c>bucketing:</c> in flags.yaml).</summary>
public enum BucketingAlgorithm
{
    /// <summary>
    /// MurmurHash3 (x86, 32-bit, seed 0) of the UTF-8 bytes of <c>{flagKey}/{bucketKey}</c>, scaled to one of
    /// 100,000 buckets. Stable across processes, platforms and versions.
    /// </summary>
    TypedFlags,

    /// <summary>
    /// The percentage decision of Microsoft.FeatureManagement's targeting filter (SHA-256 of
    /// <c>{bucketKey}\n{flagKey}</c>), so users keep their cohort when a team migrates from it.
    /// </summary>
    Microsoft,
}
