namespace TypedFlags.Manifest.Model;

/// <summary>
/// One value of a variant's <c>configuration</c>, flattened the way Microsoft.Extensions.Configuration keys are:
/// <c>Small</c> for a scalar, <c>Medium:Size</c> for a mapping entry, <c>Medium:Sizes:0</c> for a list item.
/// </summary>
/// <param name="Path">The configuration key, starting with the variant name.</param>
/// <param name="Value">The value as written.</param>
public sealed record VariantConfigurationModel(string Path, string Value);
