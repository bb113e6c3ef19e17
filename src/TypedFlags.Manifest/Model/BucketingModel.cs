namespace TypedFlags.Manifest.Model;

/// <summary>The hash used to place a bucket key in a rollout.</summary>
public enum BucketingModel
{
    /// <summary><c>typedflags</c>: MurmurHash3 over <c>{flagKey}/{bucketKey}</c> (the default).</summary>
    TypedFlags,

    /// <summary><c>microsoft</c>: the same decision as Microsoft.FeatureManagement's targeting filter.</summary>
    Microsoft,
}
