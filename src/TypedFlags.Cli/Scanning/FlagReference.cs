namespace TypedFlags.Cli.Scanning;

/// <summary>How code reaches a flag.</summary>
internal enum ReferenceKind
{
    /// <summary>A generated accessor: <c>flags.InvoicesWrite</c>.</summary>
    Accessor,

    /// <summary>A generated key constant: <c>AppFlags.Keys.InvoicesWrite</c>.</summary>
    KeyConstant,

    /// <summary>A key string passed to a key API: <c>Manifest.IndexOf("invoices.write")</c>, <c>[FeatureGate("x")]</c>.</summary>
    KeyString,
}

/// <summary>One place a declared flag is read.</summary>
/// <param name="Key">The declared key (as flags.yaml spells it).</param>
/// <param name="Path">The file, relative to the scanned root, '/'-separated.</param>
/// <param name="Line">1-based line of the accessor name or key string.</param>
/// <param name="Column">1-based column (UTF-16 code units, as editors and SARIF count).</param>
/// <param name="Kind">Accessor, key constant or key string.</param>
/// <param name="Code">The source line, trimmed.</param>
internal sealed record FlagReference(string Key, string Path, int Line, int Column, ReferenceKind Kind, string Code);

/// <summary>A file the scan could not read completely: not UTF-8 (skipped), or C# with syntax errors (scanned as far as it parses).</summary>
/// <param name="Path">The file, relative to the scanned root.</param>
/// <param name="Line">1-based line of the first bad byte or syntax error.</param>
/// <param name="Column">1-based column.</param>
/// <param name="Message">What is wrong and what the report did about it.</param>
internal sealed record ScanProblem(string Path, int Line, int Column, string Message);
