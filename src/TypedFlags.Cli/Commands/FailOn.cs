using System;
using System.Collections.Generic;
using System.CommandLine;
using TypedFlags.Cli.Report;

namespace TypedFlags.Cli.Commands;

/// <summary>
/// <c>--fail-on stale|expired|unused</c> of report: which findings make the exit code 1. Repeat the option or separate
/// values with commas (<c>--fail-on stale,unused</c>). <c>stale</c> is expired or launched (TF1101, TF1102: the flags
/// the cleanup code fix removes); past lifetime (TF1103) is informational and never fails a run.
/// </summary>
internal static class FailOn
{
    private static readonly string[] Accepted = { "stale", "expired", "unused" };

    /// <summary>A new option; an unknown value is a usage error (exit 2).</summary>
    public static Option<string[]> Create()
    {
        var option = new Option<string[]>("--fail-on")
        {
            Description = "Exit with 1 when a flag is stale (expired or launched), expired, or unused. Repeat or separate with commas. Default: never.",
            HelpName = "stale|expired|unused",
            Arity = ArgumentArity.OneOrMore,
        };
        option.Validators.Add(result =>
        {
            foreach (var value in Split(result.GetValueOrDefault<string[]>()))
            {
                if (Array.IndexOf(Accepted, value) < 0)
                {
                    result.AddError($"'{value}' is not a --fail-on condition; use stale, expired or unused.");
                }
            }
        });
        return option;
    }

    /// <summary>The conditions given on the command line.</summary>
    public static Conditions Read(ParseResult parseResult, Option<string[]> option) => new(Split(parseResult.GetValue(option)));

    private static List<string> Split(string[]? values)
    {
        var split = new List<string>();
        foreach (var value in values ?? Array.Empty<string>())
        {
            foreach (var part in value.Split(','))
            {
                if (part.Trim().Length > 0 && !split.Contains(part.Trim()))
                {
                    split.Add(part.Trim());
                }
            }
        }

        return split;
    }

    /// <summary>The --fail-on conditions of one run.</summary>
    internal sealed class Conditions
    {
        private readonly List<string> _values;

        public Conditions(List<string> values) => _values = values;

        /// <summary>The keys of the flags that match a condition, in report order.</summary>
        public List<string> Matching(ReportDocument report)
        {
            var keys = new List<string>();
            foreach (var flag in report.Flags)
            {
                if (Matches(flag))
                {
                    keys.Add(flag.Key);
                }
            }

            return keys;
        }

        /// <inheritdoc />
        public override string ToString() => string.Join(",", _values);

        private bool Matches(ReportFlag flag)
        {
            foreach (var value in _values)
            {
                var match = value switch
                {
                    "stale" => flag.Has(ReportStatus.Expired) || flag.Has(ReportStatus.Launched),
                    "expired" => flag.Has(ReportStatus.Expired),
                    _ => flag.Has(ReportStatus.Unused),
                };
                if (match)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
