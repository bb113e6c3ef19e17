namespace TypedFlags.Manifest.Model;

/// <summary>The expected lifetime of flags of one kind.</summary>
/// <param name="Kind">The kind.</param>
/// <param name="Days">Days, or null for <c>never</c>.</param>
public sealed record LifetimeModel(FlagKindModel Kind, int? Days);
