using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Globalization;
using TypedFlags.Cli.Output;

namespace TypedFlags.Cli.Store;

/// <summary><c>status [KEY]</c> and <c>history [KEY] [--since DATE] [--until DATE] [--limit N]</c>: what a flag store holds, and how it got there.</summary>
internal static class StoreReadCommands
{
    private const string Time = "yyyy-MM-dd'T'HH:mm:ss'Z'";

    public static IEnumerable<Command> Create(CliConsole console)
    {
        yield return Status(console);
        yield return History(console);
    }

    private static Command Status(CliConsole console)
    {
        var key = new Argument<string?>("KEY") { Description = "Only this flag. Default: every flag of flags.yaml, and any other key the store holds.", Arity = ArgumentArity.ZeroOrOne };
        var command = new Command("status", "Show each flag's override in the store, with its revision, time and actor.") { Arguments = { key } };
        var options = new StoreOptions();
        options.AddTo(command, writes: false);
        command.SetAction(parseResult => StoreSession.Run(parseResult.GetValue(options.Store), parseResult.GetValue(options.Manifest), writes: false, console, (store, manifest) =>
        {
            var only = parseResult.GetValue(key);
            if (only is not null && Undeclared(only, manifest, console))
            {
                return ExitCodes.Findings;
            }

            var rows = new List<IReadOnlyList<string>>();
            var snapshot = store.Current;
            foreach (var flag in manifest.Flags)
            {
                if (only is null || string.Equals(only, flag.Key, StringComparison.Ordinal))
                {
                    rows.Add(Row(flag.Key, snapshot, declared: true));
                }
            }

            if (only is null)
            {
                var extra = new List<string>();
                foreach (var stored in snapshot.Entries.Keys)
                {
                    if (manifest.IndexOf(stored) < 0 && snapshot.Entries[stored].Override is not null)
                    {
                        extra.Add(stored);
                    }
                }

                extra.Sort(StringComparer.Ordinal);
                foreach (var stored in extra)
                {
                    rows.Add(Row(stored, snapshot, declared: false));
                }
            }

            console.Out.WriteLine($"{store.Source} at revision {snapshot.Revision}");
            TextTable.Write(console, new[] { "Key", "Override", "Revision", "Updated (UTC)", "Actor" }, rows);
            return ExitCodes.Clean;
        }));
        return command;
    }

    private static Command History(CliConsole console)
    {
        var key = new Argument<string?>("KEY") { Description = "Only this flag's changes. Default: every flag.", Arity = ArgumentArity.ZeroOrOne };
        var since = new Option<string?>("--since") { Description = "Only changes at or after this date or ISO 8601 date-time (UTC when no offset).", HelpName = "DATE" };
        var until = new Option<string?>("--until") { Description = "Only changes before this date or date-time.", HelpName = "DATE" };
        var limit = new Option<int?>("--limit") { Description = "Only the most recent N changes.", HelpName = "N" };
        var command = new Command("history", "Show the store's audit history: revision, time, actor, flag, before, after, reason.") { Arguments = { key } };
        command.Options.Add(since);
        command.Options.Add(until);
        command.Options.Add(limit);
        foreach (var option in new[] { since, until })
        {
            option.Validators.Add(result =>
            {
                if (result.GetValueOrDefault<string?>() is { } text && !TryParseTime(text, out _))
                {
                    result.AddError($"'{text}' is not a date (2026-12-01) or an ISO 8601 date-time (2026-12-01T18:00:00Z) for {option.Name}.");
                }
            });
        }

        var options = new StoreOptions();
        options.AddTo(command, writes: false);
        command.SetAction(parseResult => StoreSession.Run(parseResult.GetValue(options.Store), parseResult.GetValue(options.Manifest), writes: false, console, (store, manifest) =>
        {
            var only = parseResult.GetValue(key);
            var query = new FlagHistoryQuery
            {
                Key = only,
                Since = parseResult.GetValue(since) is { } s && TryParseTime(s, out var from) ? from : null,
                Until = parseResult.GetValue(until) is { } u && TryParseTime(u, out var to) ? to : null,
                Limit = parseResult.GetValue(limit),
            };
            var rows = new List<IReadOnlyList<string>>();
            foreach (var entry in store.GetHistoryAsync(query).GetAwaiter().GetResult())
            {
                rows.Add(new[]
                {
                    entry.Revision.ToString(CultureInfo.InvariantCulture),
                    entry.Timestamp.UtcDateTime.ToString(Time, CultureInfo.InvariantCulture),
                    entry.Actor,
                    entry.Key,
                    entry.Before?.ToJson() ?? FlagText.None,
                    entry.After?.ToJson() ?? FlagText.None,
                    entry.Reason,
                });
            }

            TextTable.Write(console, new[] { "Revision", "Time (UTC)", "Actor", "Key", "Before", "After", "Reason" }, rows);
            return ExitCodes.Clean;
        }));
        return command;
    }

    private static IReadOnlyList<string> Row(string key, FlagStoreSnapshot snapshot, bool declared)
    {
        if (!snapshot.Entries.TryGetValue(key, out var entry))
        {
            return new[] { key, FlagText.None, "0", FlagText.None, FlagText.None };
        }

        var shown = entry.Override?.ToJson() ?? FlagText.None;
        return new[]
        {
            declared ? key : key + " (not in flags.yaml)",
            shown,
            entry.Revision.ToString(CultureInfo.InvariantCulture),
            entry.Updated.UtcDateTime.ToString(Time, CultureInfo.InvariantCulture),
            entry.Actor,
        };
    }

    private static bool Undeclared(string key, FlagManifest manifest, CliConsole console)
    {
        // The store's own check, so the words are TF2001's.
        if (FlagStoreValidation.Validate(manifest, FlagStoreWrite.Remove(key, "status", "status")) is { Field: "Key" } rejected)
        {
            console.Error.WriteLine("typedflags: " + rejected.Message);
            return true;
        }

        return false;
    }

    /// <summary>A date (start of that day, UTC) or an ISO 8601 date-time (UTC without an offset).</summary>
    private static bool TryParseTime(string text, out DateTimeOffset value) =>
        DateTimeOffset.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out value)
        || DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out value) && text.Contains('T');
}
