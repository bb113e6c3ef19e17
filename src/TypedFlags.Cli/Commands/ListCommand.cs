using System;
using System.Collections.Generic;
using System.CommandLine;
using TypedFlags.Cli.Output;
using TypedFlags.Manifest.Staleness;

namespace TypedFlags.Cli.Commands;

/// <summary>
/// <c>typedflags list [PATH] [--today DATE]</c>: one row per flag with key, type, default, phase, rollout, env var,
/// owner and lifecycle status (<see cref="FlagLifecycle"/>, the rules of the TF1101–TF1103 analyzers).
/// </summary>
internal static class ListCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create(CliConsole console)
    {
        var path = PathArgument.Create();
        var today = TodayOption.Create();
        var command = new Command("list", "Show every flag: key, type, default, phase, rollout, env var, owner, status.");
        command.Arguments.Add(path);
        command.Options.Add(today);
        command.SetAction(parseResult => Run(parseResult.GetValue(path), TodayOption.Read(parseResult, today), console));
        return command;
    }

    private static int Run(string? path, DateTime today, CliConsole console)
    {
        var manifests = ValidManifests.Load(path, console);
        if (manifests is null)
        {
            return ExitCodes.Findings;
        }

        for (var m = 0; m < manifests.Count; m++)
        {
            if (manifests.Count > 1)
            {
                console.Out.WriteLine((m > 0 ? Environment.NewLine : string.Empty) + manifests[m].DisplayPath);
            }

            var rows = new List<IReadOnlyList<string>>();
            foreach (var status in FlagLifecycle.Evaluate(manifests[m].Result.Model!, today))
            {
                var flag = status.Flag;
                rows.Add(new[]
                {
                    flag.Key,
                    FlagText.Type(flag.Type),
                    FlagText.Default(flag),
                    flag.Phase ?? FlagText.None,
                    FlagText.Rollout(flag),
                    flag.EnvVar,
                    flag.Owner ?? FlagText.None,
                    FlagText.Status(status),
                });
            }

            TextTable.Write(console, new[] { "Key", "Type", "Default", "Phase", "Rollout", "Env var", "Owner", "Status" }, rows);
        }

        return ExitCodes.Clean;
    }
}
