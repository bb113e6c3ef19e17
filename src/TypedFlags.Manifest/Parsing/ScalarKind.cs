namespace TypedFlags.Manifest.Parsing;

/// <summary>What a YAML scalar resolves to under the YAML 1.2 core schema (the schema editors and JSON tooling use).</summary>
internal enum ScalarKind
{
    Null,
    Bool,
    Int,
    Float,
    String,
}
