namespace TypedFlags;

/// <summary>Which part of the <see cref="FlagContext"/> decides a context's place in a rollout or split (<c>bucket_by:</c>).</summary>
public enum FlagBucketBy
{
    /// <summary>The <see cref="FlagContext.TargetingKey"/>, usually a user id.</summary>
    User,

    /// <summary>The <see cref="FlagContext.Tenant"/>, so every user of a tenant gets the same value.</summary>
    Tenant,
}
