using System;
using System.CommandLine;
using System.IO;
using TypedFlags.Manifest.Model;
using TypedFlags.Manifest.Parsing;

namespace TypedFlags.Cli.Diff;

/// <summary>
/// <c>typedflags diff OLD NEW</c>: what a change to flags.yaml does to each flag, as Markdown for a pull-request
/// comment. Either side may be <c>-</c> for standard input (<c>git show main:flags.yaml | typedflags diff - flags.yaml</c>).
/// Both sides go through the shared parser: a broken side prints its TF diagnostics and nothing is compared.
/// </summary>
internal static class DiffCommand
{
    /// <summary>The argument that means standard input.</summary>
    public const string StandardInput = "-";

    /// <summary>Creates the command.</summary>
    public static Command Create(CliConsole console)
    {
        var before = new Argument<string>("OLD") { Description = "The flags.yaml before the change, or - for standard input (e.g. from 'git show main:flags.yaml')." };
        var after = new Argument<string>("NEW") { Description = "The flags.yaml after the change, or - for standard input." };
        var command = new Command("diff", "Show what a change to flags.yaml does to each flag (added, removed, default, phase, rollout, targeting, schedule, expiry...) as Markdown for a pull request.");
        command.Arguments.Add(before);
        command.Arguments.Add(after);
        command.Validators.Add(result =>
        {
            if (result.GetValue(before) == StandardInput && result.GetValue(after) == StandardInput)
            {
                result.AddError("Only one side of diff can be read from standard input ('-').");
            }
        });
        command.SetAction(parseResult => Run(parseResult.GetValue(before)!, parseResult.GetValue(after)!, console));
        return command;
    }

    private static int Run(string before, string after, CliConsole console)
    {
        var oldModel = Load(before, console);
        var newModel = Load(after, console);
        if (oldModel is null || newModel is null)
        {
            return ExitCodes.Findings;
        }

        console.Out.Write(MarkdownChanges.Write(ManifestChanges.Between(oldModel, newModel), Name(before), Name(after)));
        return ExitCodes.Clean;
    }

    private static string Name(string argument) => argument == StandardInput ? "standard input" : argument;

    /// <summary>The model of one side, or null after printing why (unreadable, or TF errors at their lines).</summary>
    private static ManifestModel? Load(string argument, CliConsole console)
    {
        byte[] bytes;
        try
        {
            if (argument == StandardInput)
            {
                using var input = console.OpenInput();
                using var buffer = new MemoryStream();
                input.CopyTo(buffer);
                bytes = buffer.ToArray();
            }
            else if (Directory.Exists(argument))
            {
                console.Error.WriteLine($"typedflags: '{argument}' is a directory; diff compares two flags.yaml files.");
                return null;
            }
            else
            {
                bytes = File.ReadAllBytes(argument);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            console.Error.WriteLine(File.Exists(argument) || argument == StandardInput
                ? $"typedflags: cannot read '{Name(argument)}': {ex.Message}"
                : $"typedflags: '{argument}' does not exist; diff compares two flags.yaml files.");
            return null;
        }

        var loaded = new LoadedManifest(Name(argument), ManifestParser.ParseBytes(bytes));
        var errors = DiagnosticPrinter.Write(new[] { loaded }, console.Error);
        return errors > 0 ? null : loaded.Result.Model;
    }
}
