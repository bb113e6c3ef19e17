namespace TypedFlags;

/// <summary>The prefixes of allow/deny entries that match the tenant or a group instead of the targeting key.</summary>
internal static class TargetPrefixes
{
    /// <summary><c>tenant:acme</c> matches a context whose <see cref="FlagContext.Tenant"/> is <c>acme</c>.</summary>
    public const string Tenant = TypedFlags.Manifest.Overrides.TargetGrammar.TenantPrefix;

    /// <summary><c>group:beta</c> matches a context whose <see cref="FlagContext.Groups"/> contain <c>beta</c>.</summary>
    public const string Group = TypedFlags.Manifest.Overrides.TargetGrammar.GroupPrefix;
}
