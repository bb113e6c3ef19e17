namespace TypedFlags.Generators.Emit;

/// <summary>One generated file.</summary>
/// <param name="HintName">File name in the compilation (unique per class).</param>
/// <param name="FullClassName">Namespace-qualified class name, for diagnostics.</param>
/// <param name="Text">The source.</param>
internal sealed record EmittedSource(string HintName, string FullClassName, string Text);
