using System.Security.Cryptography;
using System.Text;

namespace TypedFlags;

/// <summary>
/// The <c>microsoft</c> bucketing: the percentage Microsoft.FeatureManagement's targeting filter computes for a
/// user, so that a team migrating from it keeps every user's cohort. The hashed text is
/// <c>{bucketKey}\n{flagKey}</c>; the first four bytes of its SHA-256, read little-endian, divided by
/// <see cref="uint.MaxValue"/> and multiplied by 100, give a percentage in [0, 100].
/// </summary>
internal static class MicrosoftTargeting
{
    /// <summary>The context percentage of <paramref name="bucketKey"/> for flag <paramref name="flagKey"/>, in [0, 100].</summary>
    public static double Percentage(string flagKey, string bucketKey)
    {
        // Allocates (string, bytes, hash): acceptable for this compatibility mode, which is opt-in.
        var bytes = Encoding.UTF8.GetBytes(bucketKey + "\n" + flagKey);
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
