using System.CommandLine;

namespace TypedFlags.Cli.Commands;

/// <summary>The optional PATH argument every manifest command takes.</summary>
internal static class PathArgument
{
    /// <summary>A new PATH argument (a command owns its arguments, so each gets its own instance).</summary>
    public static Argument<string?> Create() => new("PATH")
    {
        Description = "A flags.yaml file, or a directory: every flags.yaml under it (bin/, obj/ and hidden directories skipped). Default: ./flags.yaml.",
        Arity = ArgumentArity.ZeroOrOne,
    };
}
