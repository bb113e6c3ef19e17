namespace TypedFlags;

/// <summary>
/// Where a bucket key falls for one flag under the manifest's <see cref="BucketingAlgorithm"/>. Rollouts, group
/// rollouts and splits only ask whether it lies below a threshold, so both algorithms answer through <see cref="IsBelow"/>.
/// </summary>
internal readonly struct BucketPosition
{
    private readonly int _bucket;
    private readonly double _percentage;
    private readonly bool _microsoft;

    private BucketPosition(int bucket, double percentage, bool microsoft)
    {
        _bucket = bucket;
        _percentage = percentage;
        _microsoft = microsoft;
    }

    /// <summary>The position of <paramref name="bucketKey"/> in <paramref name="flag"/>'s rollout.</summary>
    public static BucketPosition Of(BucketingAlgorithm algorithm, CompiledFlag flag, string bucketKey) =>
        algorithm == BucketingAlgorithm.Microsoft
            ? Microsoft(MicrosoftTargeting.Percentage(flag.HashName, bucketKey))
            : new BucketPosition(RolloutBucket.Of(flag.BucketPrefix, bucketKey), 0d, microsoft: false);

    /// <summary>
    /// The position of <paramref name="bucketKey"/> in the rollout for <paramref name="group"/>. The <c>typedflags</c>
    /// bucketing uses the flag's own rollout position, so a group rollout is a larger rollout for the group's members;
    /// Microsoft.FeatureManagement hashes the group into the context id.
    /// </summary>
    public static BucketPosition OfGroup(BucketingAlgorithm algorithm, CompiledFlag flag, string group, string bucketKey) =>
        algorithm == BucketingAlgorithm.Microsoft
            ? Microsoft(MicrosoftTargeting.GroupPercentage(flag.HashName, group, bucketKey))
            : new BucketPosition(RolloutBucket.Of(flag.BucketPrefix, bucketKey), 0d, microsoft: false);

    /// <summary>The position of <paramref name="bucketKey"/> in <paramref name="flag"/>'s variant split.</summary>
    public static BucketPosition OfSplit(BucketingAlgorithm algorithm, CompiledFlag flag, string bucketKey) =>
        algorithm == BucketingAlgorithm.Microsoft
            ? Microsoft(MicrosoftTargeting.PercentageOf(bucketKey + "\n" + flag.MicrosoftSeed))
            : new BucketPosition(RolloutBucket.Of(flag.SplitPrefix, bucketKey), 0d, microsoft: false);

    /// <summary>True when the position lies below <paramref name="thousandths"/> thousandths of a percent.</summary>
    /// <remarks>100% (or more) holds every position, including Microsoft's rare percentage of exactly 100.</remarks>
    public bool IsBelow(int thousandths)
    {
        if (thousandths >= Percent.All)
        {
            return true;
        }

        return _microsoft ? _percentage < thousandths / 1000d : _bucket < thousandths;
    }

    private static BucketPosition Microsoft(double percentage) => new(0, percentage, microsoft: true);
}
