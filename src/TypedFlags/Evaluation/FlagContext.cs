using System.Collections.Generic;

namespace TypedFlags;

/// <summary>
/// Who a flag is evaluated for: the targeting key (usually a user id), the tenant and the groups. Allow and
/// deny lists match these, and rollouts and splits place the bucket key (targeting key or tenant) in a bucket.
/// </summary>
/// <remarks>
/// A struct so that evaluating a flag for a context allocates nothing. A string converts to a context with that
/// targeting key: <c>flags.X.IsEnabledFor("alice")</c>. A null or empty targeting key or tenant counts as absent.
/// </remarks>
public readonly struct FlagContext
{
    /// <summary>The targeting key, usually a user id; matched by plain allow/deny entries and the <c>user</c> bucket key.</summary>
    public string? TargetingKey { get; init; }

    /// <summary>The tenant; matched by <c>tenant:X</c> entries and the <c>tenant</c> bucket key.</summary>
    public string? Tenant { get; init; }

    /// <summary>The groups (for example roles); matched by <c>group:X</c> entries.</summary>
    public IReadOnlyList<string>? Groups { get; init; }

    /// <summary>A context with <paramref name="targetingKey"/> as its targeting key.</summary>
    /// <param name="targetingKey">The targeting key, usually a user id.</param>
    public static implicit operator FlagContext(string? targetingKey) => new() { TargetingKey = targetingKey };

    /// <summary>The context's parts, for logs and test output.</summary>
    public override string ToString()
    {
        var groups = Groups is null ? string.Empty : ", groups [" + string.Join(", ", Groups) + "]";
        return "targeting key '" + TargetingKey + "', tenant '" + Tenant + "'" + groups;
    }
}
