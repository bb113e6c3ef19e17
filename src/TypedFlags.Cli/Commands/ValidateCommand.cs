using System.CommandLine;
using System.Globalization;

namespace TypedFlags.Cli.Commands;

/// <summary>
/// <c>typedflags validate [PATH]</c>: the build's TF diagnostics for flags.yaml, in MSBuild format on standard output.
/// Exit 1 when any is an error; warnings alone exit 0.
/// </summary>
internal static class ValidateCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create(CliConsole console)
    {
        var path = PathArgument.Create();
        var command = new Command("validate", "Check flags.yaml with the same TF diagnostics as the build, printed as 'path(line,col): error TF0005: message'.");
        command.Arguments.Add(path);
        command.SetAction(parseResult => Run(parseResult.GetValue(path), console));
        return command;
    }

    private static int Run(string? path, CliConsole console)
    {
        var manifests = ManifestInputs.Load(path, console.Error);
        if (manifests is null)
        {
            return ExitCodes.Findings;
        }

        var errors = DiagnosticPrinter.Write(manifests, console.Out);
        var flags = 0;
        foreach (var manifest in manifests)
        {
            flags += manifest.Result.Model?.Flags.Count ?? 0;
        }

        console.Out.WriteLine(errors > 0
            ? string.Format(CultureInfo.InvariantCulture, "{0} error(s) in {1} file(s).", errors, manifests.Count)
            : string.Format(CultureInfo.InvariantCulture, "{0} file(s), {1} flag(s): no errors.", manifests.Count, flags));
        return errors > 0 ? ExitCodes.Findings : ExitCodes.Clean;
    }
}
