using System;
using System.Collections.Generic;
using System.Linq;
using TypedFlags.Manifest.Editing;
using TypedFlags.Manifest.Parsing;
using TypedFlags.Manifest.Staleness;

namespace TypedFlags.Cli.Cleanup;

/// <summary>What <c>--remove-declaration</c> did with one flag.</summary>
/// <param name="Target">The flag.</param>
/// <param name="KeptBecause">Null when the entry was deleted; else why it stays.</param>
internal sealed record DeclarationOutcome(CleanupTarget Target, string? KeptBecause);

/// <summary>The new text of one flags.yaml.</summary>
/// <param name="Manifest">The file.</param>
/// <param name="Original">The file as read.</param>
/// <param name="NewText">Its text without the deleted entries.</param>
internal sealed record ManifestEdit(ProjectManifest Manifest, TextFile Original, string NewText);

/// <summary>
/// <c>--remove-declaration</c>: deletes flags.yaml entries with <see cref="FlagEntryRemoval"/>, the edit of the TF1104
/// code fix, under the fix's rules. A flag stays declared while code still names it (a Razor file, a read the engine
/// left alone: the build would break without the generated member) or while a flag that stays requires it
/// (<see cref="FlagPrerequisites"/>: TF0009 otherwise).
/// </summary>
internal static class Declarations
{
    /// <summary>The edits and the outcome for every target.</summary>
    public static (IReadOnlyList<ManifestEdit> Edits, IReadOnlyList<DeclarationOutcome> Outcomes) Plan(
        IReadOnlyList<ProjectManifest> manifests,
        IReadOnlyList<CleanupTarget> targets,
        IReadOnlyCollection<LeftUse> left)
    {
        var edits = new List<ManifestEdit>();
        var outcomes = new List<DeclarationOutcome>();
        foreach (var manifest in manifests)
        {
            var own = targets.Where(target => target.ManifestPath == manifest.File.RelativePath).ToList();
            if (own.Count == 0)
            {
                continue;
            }

            var kept = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var target in own)
            {
                var uses = left.Count(use => string.Equals(use.Key, target.Key, StringComparison.OrdinalIgnoreCase));
                if (uses > 0)
                {
                    kept[target.Key] = $"still used in {uses} place(s) listed above";
                }
            }

            // A flag that stays and requires a removed one keeps it; that can keep another one, so settle first.
            bool settled;
            do
            {
                settled = true;
                foreach (var target in own.Where(t => !kept.ContainsKey(t.Key)))
                {
                    var staying = FlagPrerequisites.DependentsOf(manifest.Model.Flags, target.Key)
                        .Where(dependent => kept.ContainsKey(dependent) || !own.Any(t => string.Equals(t.Key, dependent, StringComparison.OrdinalIgnoreCase)))
                        .ToList();
                    if (staying.Count > 0)
                    {
                        kept[target.Key] = "required by " + string.Join(", ", staying.Select(key => "'" + key + "'")) + " (requires:)";
                        settled = false;
                    }
                }
            }
            while (!settled);

            var edit = Edit(manifest, own.Where(t => !kept.ContainsKey(t.Key)).ToList(), kept);
            if (edit is not null)
            {
                edits.Add(edit);
            }

            outcomes.AddRange(own.Select(target => new DeclarationOutcome(target, kept.TryGetValue(target.Key, out var why) ? why : null)));
        }

        return (edits, outcomes);
    }

    private static ManifestEdit? Edit(ProjectManifest manifest, List<CleanupTarget> removed, Dictionary<string, string> kept)
    {
        if (removed.Count == 0)
        {
            return null;
        }

        if (TextFile.Read(manifest.File.FullPath, out var problem) is not { } original)
        {
            removed.ForEach(target => kept[target.Key] = manifest.File.RelativePath + " " + problem);
            return null;
        }

        // Offsets into this very text; the last entry first, so the offsets of the ones above stay valid.
        var locations = ManifestParser.Parse(original.Text).Locations;
        var text = original.Text;
        var done = new List<CleanupTarget>();
        foreach (var (target, start) in removed
            .Select(t => (t, locations.FirstOrDefault(l => string.Equals(l.Key, t.Key, StringComparison.Ordinal))?.Span.Start ?? -1))
            .OrderByDescending(pair => pair.Item2))
        {
            if (start < 0 || FlagEntryRemoval.Remove(text, start) is not { } updated)
            {
                kept[target.Key] = "its entry is not one flags.yaml block (flow style, or on one line with other content); delete it by hand";
                continue;
            }

            text = updated;
            done.Add(target);
        }

        // The edit is line by line: check that the result is the same manifest without exactly those flags.
        var check = ManifestParser.Parse(text);
        var expected = manifest.Model.Flags.Select(f => f.Key).Where(key => !done.Any(t => t.Key == key));
        if (check.HasErrors || check.Model is null || !check.Model.Flags.Select(f => f.Key).SequenceEqual(expected))
        {
            done.ForEach(target => kept[target.Key] = "deleting its entry line by line would change the rest of flags.yaml; delete it by hand");
            return null;
        }

        return done.Count == 0 ? null : new ManifestEdit(manifest, original, text);
    }
}
