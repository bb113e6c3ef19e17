using System;
using System.CommandLine;

namespace TypedFlags.Cli.Commands;

/// <summary>The optional PATH argument every manifest command takes.</summary>
internal static class PathArgument
{
    /// <summary>A new PATH argument (a command owns its arguments, so each gets its own instance).</summary>
    public static Argument<string?> Create()
    {
        var argument = new Argument<string?>("PATH")
        {
            Description = "A flags.yaml file, or a directory: every flags.yaml under it (bin/, obj/ and hidden directories skipped). Default: ./flags.yaml.",
            Arity = ArgumentArity.ZeroOrOne,
        };

        // System.CommandLine hands an unknown option such as --strict to a free argument slot; it is a typo for an
        // option far more often than a file name, so it is a usage error (a file named like that is written ./-x).
        argument.Validators.Add(result =>
        {
            var value = result.GetValueOrDefault<string?>();
            if (value is not null && value.StartsWith("-", StringComparison.Ordinal))
            {
                result.AddError($"Unrecognized option '{value}'.");
            }
        });
        return argument;
    }
}
