using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using TypedFlags.Manifest.Model;
using TypedFlags.Manifest.Parsing;

namespace TypedFlags.Cli.Diff;

/// <summary>One fact that differs between the two versions of a flag or of the file's settings.</summary>
/// <param name="Field">The field as written in flags.yaml.</param>
/// <param name="Before">The old value (<c>-</c> when unset).</param>
/// <param name="After">The new value (<c>-</c> when unset).</param>
internal readonly record struct FactChange(string Field, string Before, string After);

/// <summary>A flag declared on both sides whose facts differ.</summary>
/// <param name="Key">The key (as the new file writes it).</param>
/// <param name="Changes">The facts that differ, in <see cref="FlagFacts"/> order.</param>
internal sealed record ChangedFlag(string Key, IReadOnlyList<FactChange> Changes);

/// <summary>
/// What a change to flags.yaml does: flags added, removed and changed (matched by key, case-insensitively like every
/// key), and changes to the file-wide settings that apply to every flag. Added and removed flags keep file order.
/// </summary>
internal sealed record ManifestChanges(
    IReadOnlyList<FlagModel> Added,
    IReadOnlyList<FlagModel> Removed,
    IReadOnlyList<ChangedFlag> Changed,
    IReadOnlyList<FactChange> Settings)
{
    /// <summary>True when the two files declare the same flags with the same facts (comments and layout aside).</summary>
    public bool IsEmpty => Added.Count == 0 && Removed.Count == 0 && Changed.Count == 0 && Settings.Count == 0;

    /// <summary>Compares two parsed manifests.</summary>
    public static ManifestChanges Between(ManifestModel before, ManifestModel after)
    {
        var oldByKey = before.Flags.ToDictionary(flag => flag.Key, StringComparer.OrdinalIgnoreCase);
        var newKeys = new HashSet<string>(after.Flags.Select(flag => flag.Key), StringComparer.OrdinalIgnoreCase);

        var added = new List<FlagModel>();
        var changed = new List<ChangedFlag>();
        foreach (var flag in after.Flags)
        {
            if (!oldByKey.TryGetValue(flag.Key, out var old))
            {
                added.Add(flag);
                continue;
            }

            var changes = Compare(FlagFacts.Of(old), FlagFacts.Of(flag));
            if (!string.Equals(old.Key, flag.Key, StringComparison.Ordinal))
            {
                // Keys match case-insensitively, but the accessor and every key string in code follow the spelling.
                changes.Insert(0, new FactChange("key", old.Key, flag.Key));
            }

            if (changes.Count > 0)
            {
                changed.Add(new ChangedFlag(flag.Key, changes));
            }
        }

        var removed = before.Flags.Where(flag => !newKeys.Contains(flag.Key)).ToList();
        var settings = Compare(SettingsOf(before), SettingsOf(after));
        settings.AddRange(PhaseChanges(before, after));
        return new ManifestChanges(added, removed, changed, settings);
    }

    private static List<FactChange> Compare(IReadOnlyList<FlagFact> before, IReadOnlyList<FlagFact> after)
    {
        var changes = new List<FactChange>();
        for (var i = 0; i < before.Count; i++)
        {
            if (!string.Equals(before[i].Value, after[i].Value, StringComparison.Ordinal))
            {
                changes.Add(new FactChange(before[i].Field, before[i].Value, after[i].Value));
            }
        }

        return changes;
    }

    /// <summary>The top-level fields; one entry per phase and per kind's lifetime, so the same list on both sides lines up.</summary>
    private static IReadOnlyList<FlagFact> SettingsOf(ManifestModel manifest)
    {
        var facts = new List<FlagFact>
        {
            new("namespace", manifest.Namespace ?? "-"),
            new("class", manifest.ClassName),
            new("env_prefix", manifest.EnvPrefix),
            new("config_section", manifest.ConfigSection),
            new("bucketing", ManifestFields.Bucketing[(int)manifest.Bucketing]),
            new("ignore_case", manifest.IgnoreCase ? "true" : "false"),
            new("stale_after", Days(manifest.StaleAfterDays)),
        };

        for (var kind = 0; kind < ManifestFields.Kinds.Length; kind++)
        {
            var lifetime = manifest.Lifetimes.FirstOrDefault(entry => (int)entry.Kind == kind);
            facts.Add(new FlagFact("lifetimes." + ManifestFields.Kinds[kind], lifetime is null ? "-" : lifetime.Days is { } days ? Days(days) : "never"));
        }

        return facts;
    }

    /// <summary>Phases compared by name: a phase only one side defines shows as "-" on the other.</summary>
    private static IEnumerable<FactChange> PhaseChanges(ManifestModel before, ManifestModel after)
    {
        var names = before.Phases.Select(p => p.Name).Concat(after.Phases.Select(p => p.Name)).Distinct(StringComparer.OrdinalIgnoreCase);
        var changes = new List<FactChange>();
        foreach (var name in names)
        {
            var old = Environments(before, name);
            var now = Environments(after, name);
            if (!string.Equals(old, now, StringComparison.Ordinal))
            {
                changes.Add(new FactChange("phases." + name, old, now));
            }
        }

        return changes;
    }

    private static string Environments(ManifestModel manifest, string phase)
    {
        var found = manifest.Phases.FirstOrDefault(p => string.Equals(p.Name, phase, StringComparison.OrdinalIgnoreCase));
        return found is null ? "-" : "[" + string.Join(", ", found.Environments) + "]";
    }

    private static string Days(int days) => days.ToString(CultureInfo.InvariantCulture) + "d";
}
