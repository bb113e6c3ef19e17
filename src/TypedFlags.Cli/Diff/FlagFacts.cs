using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using TypedFlags.Cli.Output;
using TypedFlags.Manifest.Model;
using TypedFlags.Manifest.Parsing;

namespace TypedFlags.Cli.Diff;

/// <summary>One declared fact of a flag as a reviewer reads it: the flags.yaml field name and its value as text.</summary>
/// <param name="Field">The field as written in flags.yaml (<c>rollout</c>, <c>targeting.allow</c>, <c>env var</c>).</param>
/// <param name="Value">The value as shown in the comment; <see cref="FlagText.None"/> when the flag does not set it.</param>
internal readonly record struct FlagFact(string Field, string Value);

/// <summary>
/// The facts of a flag that <c>diff</c> compares, in the order a reviewer weighs them: what the flag does in production
/// first (default, phase, rollout, schedule, targeting), then its lifecycle, then what it is and who owns it. Taken from
/// the parsed model, so a change in spelling only (<c>rollout: 10</c> to <c>rollout: 10.0</c>) is no change.
/// </summary>
internal static class FlagFacts
{
    /// <summary>Every fact of <paramref name="flag"/>, each field once.</summary>
    public static IReadOnlyList<FlagFact> Of(FlagModel flag) => new[]
    {
        new FlagFact("type", FlagText.Type(flag.Type)),
        new FlagFact("default", FlagText.Default(flag)),
        new FlagFact("phase", flag.Phase ?? FlagText.None),
        new FlagFact("rollout", FlagText.Rollout(flag)),
        new FlagFact("schedule", Schedule(flag)),
        new FlagFact("targeting.allow", List(flag.Allow)),
        new FlagFact("targeting.deny", List(flag.Deny)),
        new FlagFact("targeting.groups", List(flag.GroupRollouts.Select(g => g.Group + ": " + Percent(g.Thousandths)))),
        new FlagFact("targets", List(flag.Targets.Select(t => t.Target + ": " + t.Value.ToDisplayString()))),
        new FlagFact("environments", List(flag.Environments.Select(e => e.Environment + ": " + e.Value.ToDisplayString()))),
        new FlagFact("variants", List(flag.Variants.Select(v => v.Name))),
        new FlagFact("split", List(flag.Split.Select(s => s.Variant + ": " + Percent(s.Thousandths)))),
        new FlagFact("seed", flag.Seed ?? FlagText.None),
        new FlagFact("enabled_variants", flag.EnabledVariants is { } enabled ? (enabled.Count == 0 ? "(none)" : string.Join(", ", enabled)) : FlagText.None),
        new FlagFact("configuration", List(flag.Configuration.Select(c => c.Path + ": " + c.Value))),
        new FlagFact("hash_name", flag.HashName ?? FlagText.None),
        new FlagFact("bucket_by", flag.BucketBy == BucketByModel.Tenant ? "tenant" : "user"),
        new FlagFact("requires", List(flag.Requires)),
        new FlagFact("expires", Date(flag.Expires)),
        new FlagFact("launched", Date(flag.Launched)),
        new FlagFact("created", Date(flag.Created)),
        new FlagFact("kind", ManifestFields.Kinds[(int)flag.Kind]),
        new FlagFact("owner", flag.Owner ?? FlagText.None),
        new FlagFact("env var", flag.EnvVar),
        new FlagFact("description", flag.Description),
        new FlagFact("metadata", List(flag.Metadata.Select(m => m.Name + ": " + m.Value))),
    };

    /// <summary>A percentage from thousandths (<c>0.1%</c>, <c>25%</c>).</summary>
    public static string Percent(int thousandths) => (thousandths / 1000m).ToString("0.###", CultureInfo.InvariantCulture) + "%";

    private static string Schedule(FlagModel flag) =>
        List(flag.Schedule.Select(step => step.AtUtc.ToString(step.AtUtc.TimeOfDay == TimeSpan.Zero ? "yyyy-MM-dd" : "yyyy-MM-dd HH:mm'Z'", CultureInfo.InvariantCulture) + " → " + Percent(step.RolloutThousandths)));

    private static string Date(DateTime? date) => date is { } value ? value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : FlagText.None;

    private static string List(IEnumerable<string> items)
    {
        var text = string.Join(", ", items);
        return text.Length == 0 ? FlagText.None : text;
    }
}
