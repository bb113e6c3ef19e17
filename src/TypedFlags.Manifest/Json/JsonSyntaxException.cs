using System;

namespace TypedFlags.Manifest.Json;

/// <summary>Stops <see cref="JsonTextParser"/> at the first syntax error; never escapes <see cref="JsonDocumentParser.Parse"/>.</summary>
internal sealed class JsonSyntaxException : Exception
{
    /// <summary>An error over <paramref name="length"/> characters from <paramref name="start"/> (offsets into the parsed text).</summary>
    public JsonSyntaxException(int start, int length, string message)
        : base(message)
    {
        Start = start;
        Length = length;
    }

    /// <summary>Offset of the first offending character.</summary>
    public int Start { get; }

    /// <summary>Number of characters the error covers (0 at the end of the text).</summary>
    public int Length { get; }
}
