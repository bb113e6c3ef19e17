using System;
using System.CommandLine;
using System.CommandLine.Help;
using TypedFlags.Cli.Cleanup;
using TypedFlags.Cli.Commands;
using TypedFlags.Cli.Diff;
using TypedFlags.Cli.Store;

namespace TypedFlags.Cli;

/// <summary>
/// Builds the <c>typedflags</c> command tree and runs one command line. Tests call <see cref="Run"/> in process with
/// their own writers; <see cref="Program"/> passes the console.
/// </summary>
internal static class CliApp
{
    /// <summary>Parses and runs <paramref name="args"/>; returns the exit code (<see cref="ExitCodes"/>). Never throws.</summary>
    public static int Run(string[] args, CliConsole console)
    {
        try
        {
            var root = BuildRoot(console);
            var parseResult = root.Parse(args);

            // System.CommandLine reports parse errors with exit code 1; SPEC §6 reserves 1 for findings, so usage
            // errors are printed here and get 2.
            if (parseResult.Errors.Count > 0)
            {
                foreach (var error in parseResult.Errors)
                {
                    console.Error.WriteLine("typedflags: " + error.Message);
                }

                console.Error.WriteLine("Run 'typedflags --help' for usage.");
                return ExitCodes.Usage;
            }

            return parseResult.Invoke(new InvocationConfiguration
            {
                Output = console.Out,
                Error = console.Error,

                // Failures are caught below and printed as one line: a user never sees a stack trace.
                EnableDefaultExceptionHandler = false,
            });
        }
        catch (Exception ex)
        {
            console.Error.WriteLine("typedflags: unexpected error: " + ex.GetType().Name + ": " + ex.Message.Replace('\n', ' ').Replace("\r", string.Empty));
            return ExitCodes.Findings;
        }
    }

    private static Command BuildRoot(CliConsole console)
    {
        // A RootCommand names itself after the entry assembly (TypedFlags.Cli, or the test host); help must say the
        // command users type. The assembly cannot be called typedflags: it would clash with the TypedFlags runtime
        // assembly where both are loaded (names compare case-insensitively).
        var root = new Command("typedflags", "TypedFlags command line: check flags.yaml with the build's diagnostics, list the flags, report flag debt, remove stale flags, diff two manifests, export the inventory, import Microsoft.FeatureManagement configuration, and change flags in a flag store while apps run.")
        {
            Options = { new HelpOption(), new VersionOption() },
        };
        root.Subcommands.Add(ValidateCommand.Create(console));
        root.Subcommands.Add(ListCommand.Create(console));
        root.Subcommands.Add(ReportCommand.Create(console));
        root.Subcommands.Add(CleanupCommand.Create(console));
        root.Subcommands.Add(DiffCommand.Create(console));
        root.Subcommands.Add(ExportCommand.Create(console));
        root.Subcommands.Add(ImportCommand.Create(console));

        // The runtime flag store (SPEC §8): change flags while apps run, with an audit history.
        foreach (var command in StoreWriteCommands.Create(console))
        {
            root.Subcommands.Add(command);
        }

        foreach (var command in StoreReadCommands.Create(console))
        {
            root.Subcommands.Add(command);
        }

        return root;
    }
}
