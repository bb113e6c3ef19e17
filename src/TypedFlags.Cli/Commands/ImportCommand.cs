using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using TypedFlags.Cli.Import;
using TypedFlags.Manifest.Parsing;

namespace TypedFlags.Cli.Commands;

/// <summary>
/// <c>typedflags import [PATH] [--output FILE]</c>: Microsoft.FeatureManagement configuration from appsettings*.json
/// (a directory, or one file) to a flags.yaml that keeps every user's cohort, and a list of what could not be converted
/// with what to do. Exit 0 when everything converted, 1 when something needs attention or nothing could be read.
/// </summary>
internal static class ImportCommand
{
    public static Command Create(CliConsole console)
    {
        var path = new Argument<string?>("PATH")
        {
            Description = "An appsettings*.json file, or a directory: its appsettings.json, then appsettings.{Environment}.json. Default: the current directory.",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var output = new Option<string?>("--output")
        {
            Description = "Write flags.yaml to FILE instead of standard output (UTF-8, LF line ends); the list of what could not be converted goes to standard error.",
            HelpName = "FILE",
        };

        var command = new Command("import", "Convert Microsoft.FeatureManagement configuration (feature_management or FeatureManagement in appsettings*.json) to flags.yaml, keeping every user's cohort.");
        command.Arguments.Add(path);
        command.Options.Add(output);
        command.SetAction(parseResult => Run(parseResult.GetValue(path), parseResult.GetValue(output), console));
        return command;
    }

    private static int Run(string? path, string? output, CliConsole console)
    {
        var files = Files(path ?? ".");
        if (files.Count == 0)
        {
            // Like a missing flags.yaml for the other commands: a well-formed command line, nothing to work on.
            console.Error.WriteLine($"typedflags: no appsettings*.json at '{path ?? "."}'.");
            return ExitCodes.Findings;
        }

        var reader = new FeatureManagementReader();
        foreach (var (file, environment) in files)
        {
            try
            {
                reader.Read(File.ReadAllText(file), Path.GetFileName(file), environment);
            }
            catch (Exception ex) when (ex is JsonException or IOException or UnauthorizedAccessException)
            {
                console.Error.WriteLine($"typedflags: cannot read '{file}': {ex.Message}");
                return ExitCodes.Findings;
            }
        }

        var yaml = FlagsYamlWriter.Write(reader.Flags, files.Select(f => Path.GetFileName(f.File)).ToList());

        // What is written must be what the build accepts; a problem here is a bug of the import, reported as such.
        var parsed = ManifestParser.Parse(yaml);
        foreach (var diagnostic in parsed.Diagnostics)
        {
            reader.Notes.Add(new ImportNote("flags.yaml", diagnostic.ToString(), "Fix the written flags.yaml by hand (and report the import bug)."));
        }

        if (output is null)
        {
            console.Out.Write(yaml);
        }
        else
        {
            File.WriteAllText(output, yaml, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
            console.Out.WriteLine($"typedflags: wrote {reader.Flags.Count} flag(s) to {output}.");
        }

        if (reader.Notes.Count == 0)
        {
            return ExitCodes.Clean;
        }

        console.Error.WriteLine($"typedflags: {reader.Notes.Count} item(s) could not be converted exactly:");
        foreach (var note in reader.Notes)
        {
            console.Error.WriteLine($"  {note.Feature}: {note.Problem}. {note.Action}");
        }

        return ExitCodes.Findings;
    }

    /// <summary>appsettings.json first (the declarations), then the environment files in name order.</summary>
    private static List<(string File, string? Environment)> Files(string path)
    {
        var files = new List<(string, string?)>();
        if (File.Exists(path))
        {
            files.Add((path, EnvironmentOf(Path.GetFileName(path))));
            return files;
        }

        if (!Directory.Exists(path))
        {
            return files;
        }

        foreach (var file in Directory.GetFiles(path, "appsettings*.json").OrderBy(f => Path.GetFileName(f).Length).ThenBy(f => f, StringComparer.Ordinal))
        {
            files.Add((file, EnvironmentOf(Path.GetFileName(file))));
        }

        return files;
    }

    private static string? EnvironmentOf(string name)
    {
        // appsettings.json -> null; appsettings.Staging.json -> Staging.
        var middle = name.Substring("appsettings".Length, name.Length - "appsettings".Length - ".json".Length).Trim('.');
        return middle.Length == 0 || !name.StartsWith("appsettings", StringComparison.OrdinalIgnoreCase) ? null : middle;
    }
}
