using Microsoft.CodeAnalysis;
using TypedFlags.Manifest.Model;
using TypedFlags.Manifest.Staleness;

namespace TypedFlags.Generators.Analyzers;

/// <summary>A flag key declared in a flags.yaml of the compilation, with what the analyzers need to know about it.</summary>
/// <param name="Key">The key as declared.</param>
/// <param name="Status">Lifecycle on "today"; null when the declaration has errors (the generator reports them).</param>
/// <param name="DeclarationLocation">The key in flags.yaml.</param>
/// <param name="ManifestPath">The flags.yaml that declares it.</param>
/// <param name="ClassName">Namespace-qualified name of the generated class (no <c>global::</c>).</param>
internal sealed record CatalogFlag(string Key, FlagStatus? Status, Location DeclarationLocation, string ManifestPath, string ClassName)
{
    public FlagModel? Model => Status?.Flag;

    /// <summary>
    /// For a stale int, double, string or variant flag whose final value flags.yaml decides: that value as a C#
    /// expression (<c>25</c>, <c>0.5</c>, <c>"text"</c>, <c>global::Ns.Layout.Compact</c>), for the code fix to inline.
    /// </summary>
    public string? FinalExpression { get; init; }

    /// <summary>Position in <see cref="FlagCatalog.Flags"/>, for per-flag arrays.</summary>
    public int Index { get; init; }

    /// <summary>The configuration section the flag's overrides live under (<c>Flags</c> unless flags.yaml says otherwise).</summary>
    public string? ConfigSection { get; init; }

    /// <summary>The generated constant for the key, fully qualified (<c>global::Ns.Flags.Keys.BetaBanner</c>).</summary>
    public string? KeysConstant => Model is { } model ? "global::" + ClassName + ".Keys." + model.AccessorName : null;
}
