using System;
using System.CommandLine;
using TypedFlags.Manifest.Staleness;

namespace TypedFlags.Cli.Commands;

/// <summary><c>--today yyyy-MM-dd</c>: the day lifecycle status is computed for, like the <c>TypedFlagsToday</c> build property.</summary>
internal static class TodayOption
{
    /// <summary>A new option; a value that is not a date is a usage error (exit 2).</summary>
    public static Option<string?> Create()
    {
        var option = new Option<string?>("--today")
        {
            Description = "The date (yyyy-MM-dd) statuses are computed for. Default: today in UTC.",
            HelpName = "DATE",
        };
        option.Validators.Add(result =>
        {
            var value = result.GetValueOrDefault<string?>();
            if (!FlagLifecycle.TryReadToday(value, DateTime.UtcNow, out _))
            {
                result.AddError($"'{value}' is not a date; --today takes yyyy-MM-dd, e.g. --today 2026-12-01.");
            }
        });
        return option;
    }

    /// <summary>The validated date, or today's UTC date.</summary>
    public static DateTime Read(ParseResult parseResult, Option<string?> option)
    {
        FlagLifecycle.TryReadToday(parseResult.GetValue(option), DateTime.UtcNow, out var today);
        return today;
    }
}
