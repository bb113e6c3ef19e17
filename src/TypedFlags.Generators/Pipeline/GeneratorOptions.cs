namespace TypedFlags.Generators.Pipeline;

/// <summary>Build properties and language settings the generator uses.</summary>
/// <param name="RootNamespace">The project's RootNamespace, the default namespace of the generated class.</param>
/// <param name="NullableAnnotations">
/// True for C# 8 and later. netstandard2.0 and .NET Framework projects default to C# 7.3, where
/// <c>#nullable</c> and <c>string?</c> do not compile, so the generated code leaves them out there.
/// </param>
internal sealed record GeneratorOptions(string? RootNamespace, bool NullableAnnotations = true);
