using System;
using System.Collections.Generic;
using System.CommandLine;

namespace TypedFlags.Cli.Store;

/// <summary>
/// The commands that change a flag store (SPEC §6, §8): <c>set</c>, <c>rollout</c>, <c>kill</c>, <c>target</c> and
/// <c>unset</c>. Each reads the flag's current override, changes one part of it, and writes it back based on the
/// revision it read (or the one <c>--base-revision</c> names), so a change another operator made in between is a
/// conflict, not lost. Writes are checked against
/// flags.yaml by <see cref="FlagStoreValidation"/> (TF2001/TF2002 wording); a refused write changes nothing.
/// </summary>
internal static class StoreWriteCommands
{
    /// <summary>All five commands.</summary>
    public static IEnumerable<Command> Create(CliConsole console)
    {
        yield return Set(console);
        yield return Rollout(console);
        yield return Kill(console);
        yield return Target(console);
        yield return Unset(console);
    }

    private static Command Set(CliConsole console)
    {
        var key = KeyArgument();
        var value = new Argument<string>("VALUE") { Description = "A value in the flag's grammar: on/off/shadow/kill or 25% for bool flags, a number, a text, a variant." };
        var command = new Command("set", "Set a flag's value in the store (it wins over appsettings and environment variables).") { Arguments = { key, value } };
        return Writer(command, console, "Set", parseResult => (parseResult.GetValue(key)!, current => FlagOverrideChanges.WithValue(current, parseResult.GetValue(value)!)));
    }

    private static Command Rollout(CliConsole console)
    {
        var key = KeyArgument();
        var percent = new Argument<string>("PERCENT") { Description = "The share of contexts that get the flag: 25%, 0.1%, 100% (bool flags)." };
        var command = new Command("rollout", "Set a bool flag's rollout in the store; it replaces the declared rollout and schedule.") { Arguments = { key, percent } };
        return Writer(command, console, "Rolled out", parseResult => (parseResult.GetValue(key)!, current => FlagOverrideChanges.WithRollout(current, parseResult.GetValue(percent)!)));
    }

    private static Command Kill(CliConsole console)
    {
        var key = KeyArgument();
        var command = new Command("kill", "Kill a flag: off (or its default) for everyone, before prerequisites and targeting. 'set KEY on' or 'unset KEY' revives it.") { Arguments = { key } };
        return Writer(command, console, "Killed", parseResult => (parseResult.GetValue(key)!, FlagOverrideChanges.Killed));
    }

    private static Command Target(CliConsole console)
    {
        var key = KeyArgument();
        var entry = new Argument<string>("ENTRY=VALUE") { Description = "A target and its value: alice=on, tenant:acme=kill, group:beta=compact." };
        var expires = new Option<string?>("--expires") { Description = "When the target's value stops applying: a date (through the end of that day, UTC) or an ISO 8601 date-time.", HelpName = "DATE" };
        var command = new Command("target", "Give one target (user, tenant:NAME, group:NAME) its own value of a flag, optionally until a date.") { Arguments = { key, entry } };
        command.Options.Add(expires);
        entry.Validators.Add(result =>
        {
            var text = result.GetValueOrDefault<string>();
            if (text is null || text.IndexOf('=') <= 0)
            {
                result.AddError($"'{text}' is not ENTRY=VALUE (for example alice=on or tenant:acme=kill).");
            }
        });
        return Writer(command, console, "Targeted", parseResult =>
        {
            var text = parseResult.GetValue(entry)!;
            var at = text.IndexOf('=');
            var target = new FlagTargetOverride(text.Substring(0, at), text.Substring(at + 1), parseResult.GetValue(expires));
            return (parseResult.GetValue(key)!, current => FlagOverrideChanges.WithTarget(current, target));
        });
    }

    private static Command Unset(CliConsole console)
    {
        var key = KeyArgument();
        var command = new Command("unset", "Remove a flag's override from the store: configuration and flags.yaml decide again.") { Arguments = { key } };
        return Writer(command, console, "Unset", parseResult => (parseResult.GetValue(key)!, _ => null));
    }

    private static Argument<string> KeyArgument() => new("KEY") { Description = "The flag key, as flags.yaml declares it." };

    /// <summary>
    /// Wires a writing command: <paramref name="change"/> gives the key and a function from the current override (or
    /// null) to the new one (null removes it).
    /// </summary>
    private static Command Writer(Command command, CliConsole console, string verb, Func<ParseResult, (string Key, Func<FlagOverride?, FlagOverride?> Change)> change)
    {
        var options = new StoreOptions();
        options.AddTo(command, writes: true);
        command.SetAction(parseResult =>
        {
            var (key, next) = change(parseResult);
            var actor = options.ActorOf(parseResult);
            var reason = parseResult.GetValue(options.Reason)!;
            var baseRevision = parseResult.GetValue(options.BaseRevision);
            return StoreSession.Run(parseResult.GetValue(options.Store), parseResult.GetValue(options.Manifest), writes: true, console, (store, manifest) =>
            {
                var result = FlagStoreChange.ApplyAsync(store, manifest, key, next, actor, reason, baseRevision).GetAwaiter().GetResult();
                if (!result.Succeeded)
                {
                    var message = result.Message!;
                    console.Error.WriteLine("typedflags: " + message + (message.EndsWith("written.", StringComparison.Ordinal) ? string.Empty : message.EndsWith(".", StringComparison.Ordinal) || message.EndsWith("?", StringComparison.Ordinal) ? " Nothing was written." : ". Nothing was written."));
                    return ExitCodes.Findings;
                }

                console.Out.WriteLine($"{verb} '{key}' in {store.Source} (revision {result.Revision}): {result.Entry!.After?.ToJson() ?? "no override"}");
                return ExitCodes.Clean;
            });
        });
        return command;
    }
}
