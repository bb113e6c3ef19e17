namespace TypedFlags.Manifest.Model;

/// <summary>A variant of a variant flag.</summary>
/// <param name="Name">Name as declared (what configuration and reports use).</param>
/// <param name="MemberName">The generated enum member name.</param>
public sealed record VariantModel(string Name, string MemberName);
