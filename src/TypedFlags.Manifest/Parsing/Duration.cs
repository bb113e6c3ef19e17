namespace TypedFlags.Manifest.Parsing;

/// <summary>A parsed duration in days; <see cref="Never"/> means no limit.</summary>
internal readonly record struct Duration(int? Days)
{
    public static Duration Never => new(null);
}
