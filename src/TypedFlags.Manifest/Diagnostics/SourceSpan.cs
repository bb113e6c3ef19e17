namespace TypedFlags.Manifest.Diagnostics;

/// <summary>A range in a flags.yaml file. Lines and columns are 1-based, as editors and MSBuild print them.</summary>
/// <param name="Start">0-based character offset of the first character.</param>
/// <param name="Length">Length in characters.</param>
/// <param name="StartLine">1-based line of the first character.</param>
/// <param name="StartColumn">1-based column of the first character.</param>
/// <param name="EndLine">1-based line just past the range.</param>
/// <param name="EndColumn">1-based column just past the range.</param>
public sealed record SourceSpan(int Start, int Length, int StartLine, int StartColumn, int EndLine, int EndColumn)
{
    /// <summary>The start of the file.</summary>
    public static SourceSpan FileStart { get; } = new(0, 0, 1, 1, 1, 1);

    /// <inheritdoc />
    public override string ToString() => $"({StartLine},{StartColumn})";
}
