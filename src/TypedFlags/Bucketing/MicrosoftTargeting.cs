using System.Security.Cryptography;
using System.Text;

namespace TypedFlags;

/// <summary>
/// The <c>microsoft</c> bucketing: the percentage Microsoft.FeatureManagement 4.x computes for a user, so that a team
/// migrating from it keeps every user's cohort. The first four bytes of the SHA-256 of a context id, read
/// little-endian, divided by <see cref="uint.MaxValue"/> and multiplied by 100, give a percentage in [0, 100]. The
/// context ids are <c>{userId}\n{featureName}</c> for the default rollout, <c>{userId}\n{featureName}\n{group}</c> for
/// a group rollout and <c>{userId}\n{seed}</c> for variant allocation, where the seed defaults to
/// <c>allocation\n{featureName}</c>; an anonymous caller's user id is empty.
/// </summary>
internal static class MicrosoftTargeting
{
    /// <summary>The default-rollout percentage of <paramref name="bucketKey"/> for flag <paramref name="flagKey"/>, in [0, 100].</summary>
    public static double Percentage(string flagKey, string bucketKey) => PercentageOf(bucketKey + "\n" + flagKey);

    /// <summary>The group-rollout percentage of <paramref name="bucketKey"/> in <paramref name="group"/> for <paramref name="flagName"/>.</summary>
    public static double GroupPercentage(string flagName, string group, string bucketKey) => PercentageOf(bucketKey + "\n" + flagName + "\n" + group);

    /// <summary>The seed Microsoft.FeatureManagement uses for percentile allocation when the feature declares none.</summary>
    public static string DefaultSeed(string flagName) => "allocation\n" + flagName;

    /// <summary>The percentage of the context id <paramref name="contextId"/>, in [0, 100].</summary>
    public static double PercentageOf(string contextId)
    {
        // Allocates (string, bytes, hash): acceptable for this compatibility mode, which is opt-in.
        var bytes = Encoding.UTF8.GetBytes(contextId);
        byte[] hash;
        using (var sha = SHA256.Create())
        {
            hash = sha.ComputeHash(bytes);
        }

        // Little-endian explicitly, rather than BitConverter's machine order: the same on every platform.
        var marker = hash[0] | ((uint)hash[1] << 8) | ((uint)hash[2] << 16) | ((uint)hash[3] << 24);
        return marker / (double)uint.MaxValue * 100d;
    }
}
