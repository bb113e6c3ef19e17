namespace TypedFlags.Manifest.Model;

/// <summary>A free-form metadata entry carried into reports.</summary>
/// <param name="Name">Entry name.</param>
/// <param name="Value">Entry value.</param>
public sealed record MetadataEntryModel(string Name, string Value);
