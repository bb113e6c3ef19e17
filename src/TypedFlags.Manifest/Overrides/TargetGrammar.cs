using System;

namespace TypedFlags.Manifest.Overrides;

/// <summary>
/// What an allow, deny or per-target entry may be, in flags.yaml (<c>targeting.allow</c>, TF0005) and in overrides
/// (<c>Allow</c>, <c>Deny</c>, <c>Targets</c>; TF2002 at build time, a warning at run time): a user id, or
/// <c>tenant:NAME</c> / <c>group:NAME</c> with a name. The prefix ignores case (<c>Tenant:acme</c> is tenant
/// <c>acme</c>, as configuration keys ignore case) and is written lowercase after reading; the id or name is kept
/// as written.
/// </summary>
#if TYPEDFLAGS_RUNTIME
internal
#else
public
#endif
static class TargetGrammar
{
    /// <summary>The prefix of a tenant entry.</summary>
    public const string TenantPrefix = "tenant:";

    /// <summary>The prefix of a group entry.</summary>
    public const string GroupPrefix = "group:";

    private static readonly string[] Prefixes = { TenantPrefix, GroupPrefix };

    /// <summary>Accepted entries, for messages.</summary>
    public const string Accepted = "a user id, tenant:NAME or group:NAME";

    /// <summary>
    /// Checks one entry (already split from a list) and returns it with a lowercase prefix; false for an empty entry
    /// or a prefix without a name (<c>tenant:</c>, <c>group: </c>).
    /// </summary>
    public static bool TryNormalize(string entry, out string normalized)
    {
        normalized = entry.Trim();
        if (normalized.Length == 0)
        {
            return false;
        }

        foreach (var prefix in Prefixes)
        {
            if (normalized.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                var name = normalized.Substring(prefix.Length).Trim();
                normalized = prefix + name;
                return name.Length > 0;
            }
        }

        return true;
    }

    /// <summary>The prefix (<see cref="TenantPrefix"/> or <see cref="GroupPrefix"/>) that a configuration key such as <c>Tenant</c> stands for, or null.</summary>
    public static string? PrefixOfKey(string key) =>
        string.Equals(key, "tenant", StringComparison.OrdinalIgnoreCase) ? TenantPrefix
        : string.Equals(key, "group", StringComparison.OrdinalIgnoreCase) ? GroupPrefix
        : null;
}
