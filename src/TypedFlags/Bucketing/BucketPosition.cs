namespace TypedFlags;

/// <summary>
/// Where a bucket key falls for one flag under the manifest's <see cref="BucketingAlgorithm"/>. Rollouts and
/// splits only ask whether it lies below a threshold, so both algorithms answer through <see cref="IsBelow"/>.
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

    /// <summary>The position of <paramref name="bucketKey"/> for <paramref name="flag"/>.</summary>
    public static BucketPosition Of(BucketingAlgorithm algorithm, CompiledFlag flag, string bucketKey) =>
        algorithm == BucketingAlgorithm.Microsoft
            ? new BucketPosition(0, MicrosoftTargeting.Percentage(flag.Key, bucketKey), microsoft: true)
            : new BucketPosition(RolloutBucket.Of(flag.BucketPrefix, bucketKey), 0d, microsoft: false);

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
}
