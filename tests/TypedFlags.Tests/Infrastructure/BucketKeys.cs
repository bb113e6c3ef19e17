using System;

namespace TypedFlags.Tests.Infrastructure;

/// <summary>Finds bucket keys on either side of a rollout threshold, so tests can name who must be in and who out.</summary>
internal static class BucketKeys
{
    /// <summary>The first <c>user-N</c> whose bucket for <paramref name="flagKey"/> is below <paramref name="percent"/>.</summary>
    public static string Inside(string flagKey, double percent) => Find(flagKey, bucket => bucket < Thousandths(percent));

    /// <summary>The first <c>user-N</c> whose bucket for <paramref name="flagKey"/> is at or above <paramref name="percent"/>.</summary>
    public static string Outside(string flagKey, double percent) => Find(flagKey, bucket => bucket >= Thousandths(percent));

    /// <summary>The first <c>user-N</c> whose bucket lies in [<paramref name="fromPercent"/>, <paramref name="toPercent"/>).</summary>
    public static string Between(string flagKey, double fromPercent, double toPercent) =>
        Find(flagKey, bucket => bucket >= Thousandths(fromPercent) && bucket < Thousandths(toPercent));

    private static int Thousandths(double percent) => (int)Math.Round(percent * 1000);

    private static string Find(string flagKey, Func<int, bool> accept)
    {
        for (var i = 0; i < 1_000_000; i++)
        {
            var key = "user-" + i;
            if (accept(RolloutBucket.Of(flagKey, key)))
            {
                return key;
            }
        }

        throw new InvalidOperationException("No key found.");
    }
}
