namespace TypedFlags.Generators.Pipeline;

/// <summary>The MSBuild properties the generator checks, as the project set them (trimmed; null when empty).</summary>
/// <param name="RootNamespace">RootNamespace, which the class goes into when flags.yaml sets no <c>namespace:</c>.</param>
/// <param name="Today">TypedFlagsToday, the "today" of the staleness analyzers (<c>yyyy-MM-dd</c>).</param>
internal sealed record BuildProperties(string? RootNamespace, string? Today);
