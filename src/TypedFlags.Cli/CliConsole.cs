using System;
using System.IO;

namespace TypedFlags.Cli;

/// <summary>Where a command writes, and whether it may draw for a terminal (colour, boxes) or must print plain text.</summary>
/// <param name="Out">Standard output: the command's result.</param>
/// <param name="Error">Standard error: diagnostics and failures.</param>
/// <param name="Rich">True for an interactive terminal without <c>NO_COLOR</c>; false when redirected, so pipes,
/// files and tests get stable plain text.</param>
internal sealed record CliConsole(TextWriter Out, TextWriter Error, bool Rich)
{
    /// <summary>
    /// Whether to draw for a terminal: never when output is redirected (pipes, files, CI logs), and never when
    /// <c>NO_COLOR</c> has any non-empty value (https://no-color.org).
    /// </summary>
    public static bool IsRich(bool outputRedirected, string? noColor) => !outputRedirected && string.IsNullOrEmpty(noColor);

    /// <summary>Opens standard input as bytes (<c>diff - NEW</c>); tests give their own stream.</summary>
    public Func<Stream> OpenInput { get; init; } = Console.OpenStandardInput;

    /// <summary>Reads an environment variable (<c>TYPEDFLAGS_STORE</c>); tests give their own.</summary>
    public Func<string, string?> GetEnvironmentVariable { get; init; } = Environment.GetEnvironmentVariable;
}
