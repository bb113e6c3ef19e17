using System;

namespace TypedFlags.Manifest.Parsing;

/// <summary>Thrown inside the reader when a safety limit is hit; caught by <see cref="ManifestParser"/> and turned into TF0021.</summary>
internal sealed class ParseLimitException : Exception
{
    public ParseLimitException(string message)
        : base(message)
    {
    }
}
