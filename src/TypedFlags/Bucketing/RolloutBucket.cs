namespace TypedFlags;

/// <summary>
/// The <c>typedflags</c> bucketing of SPEC §4.3: a bucket key lands in one of 100,000 buckets, and a rollout of
/// p% includes the buckets below p × 1000. Raising a rollout therefore only adds buckets (monotonic), and the
/// flag key in the hashed text makes different flags pick independent cohorts.
/// </summary>
internal static class RolloutBucket
{
    /// <summary>The number of buckets: one per thousandth of a percent.</summary>
    public const int Count = Percent.All;

    /// <summary>The hasher state after <c>{flagKey}/</c>, computed once per flag.</summary>
    public static MurmurHash3 Prefix(string flagKey)
    {
        var hasher = new MurmurHash3(0);
        hasher.AppendUtf8(flagKey);
        hasher.Append((byte)'/');
        return hasher;
    }

    /// <summary>The bucket of <paramref name="bucketKey"/> for the flag whose <see cref="Prefix"/> is given, in [0, 100000).</summary>
    public static int Of(MurmurHash3 prefix, string bucketKey)
    {
        // prefix is a copy: the flag's own state stays untouched.
        prefix.AppendUtf8(bucketKey);
        return Scale(prefix.Finish());
    }

    /// <summary>The bucket of <paramref name="bucketKey"/> for flag <paramref name="flagKey"/>, in [0, 100000).</summary>
    public static int Of(string flagKey, string bucketKey) => Of(Prefix(flagKey), bucketKey);

    /// <summary>Maps a 32-bit hash onto [0, 100000) by multiply-shift, which keeps the buckets equally likely without a modulo bias.</summary>
    public static int Scale(uint hash) => (int)(((ulong)hash * Count) >> 32);
}
