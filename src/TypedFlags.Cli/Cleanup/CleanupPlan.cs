using System;
using System.Collections.Generic;
using System.Linq;
using TypedFlags.Cleanup;
using TypedFlags.Manifest.Model;
using TypedFlags.Manifest.Naming;
using TypedFlags.Manifest.Staleness;

namespace TypedFlags.Cli.Cleanup;

/// <summary>A stale flag whose final value flags.yaml does not decide: listed, never guessed.</summary>
/// <param name="Status">Where it stands.</param>
/// <param name="ManifestPath">The flags.yaml that declares it.</param>
internal sealed record UndecidedFlag(FlagStatus Status, string ManifestPath);

/// <summary>
/// Which flags a cleanup removes and the value each one's reads become. <c>--stale</c> takes every flag the analyzers
/// call stale (TF1101/TF1102, <see cref="FlagLifecycle"/>) whose final value flags.yaml decides
/// (<see cref="FlagStatus.FinalValue"/>, <see cref="FlagStatus.FinalTypedValue"/>), as the code fix's Fix All does; a
/// KEY takes that flag, with <c>--value</c> or the value flags.yaml decides.
/// </summary>
internal sealed record CleanupPlan(IReadOnlyList<CleanupTarget> Targets, IReadOnlyList<UndecidedFlag> Undecided)
{
    /// <summary>The plan of <c>cleanup --stale</c>.</summary>
    public static CleanupPlan Stale(IReadOnlyList<ProjectManifest> manifests, DateTime today)
    {
        var targets = new List<CleanupTarget>();
        var undecided = new List<UndecidedFlag>();
        foreach (var manifest in manifests)
        {
            foreach (var status in FlagLifecycle.Evaluate(manifest.Model, today).Where(status => status.IsStale))
            {
                if (Decided(status, manifest) is { } target)
                {
                    targets.Add(target);
                }
                else
                {
                    undecided.Add(new UndecidedFlag(status, manifest.File.RelativePath));
                }
            }
        }

        return new CleanupPlan(targets, undecided);
    }

    /// <summary>The plan of <c>cleanup KEY [--value V]</c>, or null after printing why there is none (sets <paramref name="exitCode"/>).</summary>
    public static CleanupPlan? ForKey(IReadOnlyList<ProjectManifest> manifests, string key, string? value, DateTime today, CliConsole console, out int exitCode)
    {
        exitCode = ExitCodes.Clean;
        foreach (var manifest in manifests)
        {
            var status = FlagLifecycle.Evaluate(manifest.Model, today).FirstOrDefault(s => string.Equals(s.Flag.Key, key, StringComparison.OrdinalIgnoreCase));
            if (status is null)
            {
                continue;
            }

            var flag = status.Flag;
            if (value is null)
            {
                if (Decided(status, manifest) is { } decided)
                {
                    return new CleanupPlan(new[] { decided }, Array.Empty<UndecidedFlag>());
                }

                FinalValueOption.Parse(flag, string.Empty, out var expected);
                console.Error.WriteLine($"typedflags: flags.yaml does not decide the final value of '{flag.Key}' ({Why(flag)}); choose it with --value: {expected}.");
                exitCode = ExitCodes.Usage;
                return null;
            }

            if (FinalValueOption.Parse(flag, value, out var accepted) is not { } parsed)
            {
                console.Error.WriteLine($"typedflags: '{value}' is not a value of '{flag.Key}' ({FlagTypeName(flag)}); --value takes {accepted}.");
                exitCode = ExitCodes.Usage;
                return null;
            }

            return new CleanupPlan(new[] { Target(flag, manifest, parsed) }, Array.Empty<UndecidedFlag>());
        }

        var keys = manifests.SelectMany(m => m.Model.Flags).Select(f => f.Key).ToList();
        var near = keys
            .Select(candidate => (candidate, distance: Suggestions.Distance(key, candidate)))
            .Where(c => c.distance <= Math.Max(2, Math.Max(key.Length, c.candidate.Length) / 3))
            .OrderBy(c => c.distance).ThenBy(c => c.candidate, StringComparer.Ordinal)
            .Take(3)
            .Select(c => "'" + c.candidate + "'")
            .ToList();
        console.Error.WriteLine($"typedflags: no flag '{key}' is declared in {string.Join(", ", manifests.Select(m => m.File.RelativePath))}"
            + (near.Count > 0 ? "; did you mean " + string.Join(" or ", near) + "?" : "; 'typedflags list' shows the declared flags."));
        exitCode = ExitCodes.Findings;
        return null;
    }

    /// <summary>Why flags.yaml leaves a flag's final value open, as the TF1101/TF1102 messages say it.</summary>
    public static string Why(FlagModel flag) => FlagLifecycle.WhyUndecided(flag);

    private static string FlagTypeName(FlagModel flag) => Output.FlagText.Type(flag.Type) + " flag";

    private static CleanupTarget? Decided(FlagStatus status, ProjectManifest manifest) =>
        status.Flag.Type == FlagValueType.Bool
            ? status.FinalValue is { } on ? Target(status.Flag, manifest, FlagValueModel.FromMode(on ? BoolMode.On : BoolMode.Off)) : null
            : status.FinalTypedValue is { } typed ? Target(status.Flag, manifest, typed) : null;

    private static CleanupTarget Target(FlagModel flag, ProjectManifest manifest, FlagValueModel value) =>
        flag.Type == FlagValueType.Bool
            ? new CleanupTarget(flag, manifest.File.RelativePath, value.Mode == BoolMode.On, null, value.ToDisplayString())
            : new CleanupTarget(flag, manifest.File.RelativePath, false, FinalValueExpression.Of(value, flag, manifest.Namespace), value.ToDisplayString());
}
