namespace TypedFlags.Cli.Cleanup;

/// <summary>A use of a flag the cleanup left in place: the flag keeps its declaration, and a person finishes the job.</summary>
/// <param name="Key">The flag.</param>
/// <param name="Path">The file, relative to the project directory, with '/' separators.</param>
/// <param name="Line">1-based line in the file as it is after the cleanup.</param>
/// <param name="Column">1-based column.</param>
/// <param name="Code">The line of code, trimmed.</param>
/// <param name="Reason">Why it was left, and what to do.</param>
internal sealed record LeftUse(string Key, string Path, int Line, int Column, string Code, string Reason)
{
    /// <summary>
    /// True for a use of a variant flag's generated enum (the inlined value itself is one): fine while the flag stays
    /// declared, in the way only of <c>--remove-declaration</c>.
    /// </summary>
    public bool EnumOnly { get; init; }
}
