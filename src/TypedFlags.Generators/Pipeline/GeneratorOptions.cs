namespace TypedFlags.Generators.Pipeline;

/// <summary>Build properties the generator uses (made visible by the package's buildTransitive props).</summary>
/// <param name="RootNamespace">The project's RootNamespace, the default namespace of the generated class.</param>
internal sealed record GeneratorOptions(string? RootNamespace);
