using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Text;
using TypedFlags.Cli.Export;

namespace TypedFlags.Cli.Commands;

/// <summary>
/// <c>typedflags export [PATH] --format markdown|dotenv|ts|json [--output FILE]</c>: the flag inventory for docs, a
/// <c>.env.example</c>, Vite's <c>ImportMetaEnv</c> typings or tools. Flags of several flags.yaml files are exported
/// together, in path order then file order.
/// </summary>
internal static class ExportCommand
{
    private static readonly Dictionary<string, Func<IReadOnlyList<InventoryFlag>, string>> Formats = new(StringComparer.Ordinal)
    {
        ["markdown"] = MarkdownInventory.Write,
        ["dotenv"] = DotenvInventory.Write,
        ["ts"] = ViteTypesInventory.Write,
        ["json"] = JsonInventory.Write,
    };

    /// <summary>Creates the command.</summary>
    public static Command Create(CliConsole console)
    {
        var path = PathArgument.Create();
        var format = new Option<string>("--format")
        {
            Description = "markdown (table of key, env var, default, phase, purpose), dotenv (.env.example), ts (Vite ImportMetaEnv declaration) or json.",
            Required = true,
            HelpName = "FORMAT",
        };
        format.AcceptOnlyFromAmong("markdown", "dotenv", "ts", "json");
        var output = new Option<string?>("--output")
        {
            Description = "Write to FILE instead of standard output (UTF-8, LF line ends).",
            HelpName = "FILE",
        };

        var command = new Command("export", "Export the flag inventory as Markdown, a .env.example, a TypeScript declaration for Vite's ImportMetaEnv, or JSON.");
        command.Arguments.Add(path);
        command.Options.Add(format);
        command.Options.Add(output);
        command.SetAction(parseResult => Run(parseResult.GetValue(path), parseResult.GetValue(format)!, parseResult.GetValue(output), console));
        return command;
    }

    private static int Run(string? path, string format, string? output, CliConsole console)
    {
        var manifests = ValidManifests.Load(path, console);
        if (manifests is null)
        {
            return ExitCodes.Findings;
        }

        var flags = new List<InventoryFlag>();
        foreach (var manifest in manifests)
        {
            foreach (var flag in manifest.Result.Model!.Flags)
            {
                flags.Add(new InventoryFlag(manifest.DisplayPath, flag));
            }
        }

        var text = Formats[format](flags);
        if (output is null)
        {
            console.Out.Write(text);
            return ExitCodes.Clean;
        }

        try
        {
            File.WriteAllText(output, text, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            console.Error.WriteLine($"typedflags: cannot write '{output}': {ex.Message}");
            return ExitCodes.Findings;
        }

        console.Error.WriteLine($"typedflags: wrote {flags.Count} flag(s) to '{output}'.");
        return ExitCodes.Clean;
    }
}
