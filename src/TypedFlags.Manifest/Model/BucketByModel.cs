namespace TypedFlags.Manifest.Model;

/// <summary>Which part of the targeting context a rollout buckets on.</summary>
public enum BucketByModel
{
    /// <summary><c>user</c>: the targeting key (the default).</summary>
    User,

    /// <summary><c>tenant</c>: the tenant.</summary>
    Tenant,
}
