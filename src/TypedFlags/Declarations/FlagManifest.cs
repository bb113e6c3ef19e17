using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;

namespace TypedFlags;

/// <summary>
/// Every flag and phase that flags.yaml declares, plus the file-level settings. The generated flags class
/// builds one instance and shares it with every <see cref="FlagEngine"/> it creates.
/// </summary>
/// <remarks>
/// The constructor checks the facts that span flags (unique keys and environment variables, known phases
/// and prerequisites, no prerequisite cycles) and throws <see cref="ArgumentException"/> when one is broken.
/// Generated code always passes valid data; the checks protect hand-written manifests.
/// </remarks>
public sealed class FlagManifest
{
    private readonly Dictionary<string, int> _indexByKey;
    private readonly Dictionary<string, FlagPhase> _phaseByName;

    /// <summary>Creates a manifest.</summary>
    /// <param name="flags">The flags, in declaration order; the index of a flag here is its index everywhere else.</param>
    /// <param name="phases">The phases, in declaration order.</param>
    /// <param name="envPrefix">The prefix of derived environment variable names (<c>env_prefix:</c>).</param>
    /// <param name="configSection">The configuration section named for deploy-time overrides (<c>config_section:</c>).</param>
    /// <param name="bucketing">How bucket keys are placed in rollouts and splits.</param>
    /// <param name="ignoreCase">
    /// True to match declared targeting (allow, deny, group rollouts) and runtime targets ignoring case and to hash
    /// bucket keys and groups lowercased (<c>ignore_case: true</c>), as Microsoft.FeatureManagement's
    /// <c>TargetingEvaluationOptions.IgnoreCase</c> does.
    /// </param>
    /// <param name="staleAfterDays">
    /// Days a flag may stay after it is fully launched before the analyzers call it stale (<c>stale_after:</c>); the
    /// admin page's "launched" badge uses it.
    /// </param>
    /// <exception cref="ArgumentException">The declarations are inconsistent; the message names the flag and the problem.</exception>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="staleAfterDays"/> is negative.</exception>
    public FlagManifest(
        FlagDefinition[] flags,
        FlagPhase[] phases,
        string envPrefix = "FLAGS_",
        string configSection = "Flags",
        BucketingAlgorithm bucketing = BucketingAlgorithm.TypedFlags,
        bool ignoreCase = false,
        int staleAfterDays = 30)
    {
        if (flags is null)
        {
            throw new ArgumentNullException(nameof(flags));
        }

        if (phases is null)
        {
            throw new ArgumentNullException(nameof(phases));
        }

        EnvPrefix = envPrefix ?? throw new ArgumentNullException(nameof(envPrefix));
        ConfigSection = configSection ?? throw new ArgumentNullException(nameof(configSection));
        if (bucketing != BucketingAlgorithm.TypedFlags && bucketing != BucketingAlgorithm.Microsoft)
        {
            throw new ArgumentException($"'{bucketing}' is not a bucketing algorithm.", nameof(bucketing));
        }

        Bucketing = bucketing;
        IgnoreCase = ignoreCase;
        StaleAfterDays = staleAfterDays >= 0 ? staleAfterDays : throw new ArgumentOutOfRangeException(nameof(staleAfterDays), staleAfterDays, "stale_after cannot be negative.");

        var flagCopy = (FlagDefinition[])flags.Clone();
        var phaseCopy = (FlagPhase[])phases.Clone();
        _phaseByName = IndexPhases(phaseCopy);
        _indexByKey = IndexFlags(flagCopy);
        CheckReferences(flagCopy);
        CheckPrerequisiteCycles(flagCopy);

        Flags = new ReadOnlyCollection<FlagDefinition>(flagCopy);
        Phases = new ReadOnlyCollection<FlagPhase>(phaseCopy);
    }

    /// <summary>The flags, in declaration order.</summary>
    public IReadOnlyList<FlagDefinition> Flags { get; }

    /// <summary>The phases, in declaration order.</summary>
    public IReadOnlyList<FlagPhase> Phases { get; }

    /// <summary>The prefix of derived environment variable names.</summary>
    public string EnvPrefix { get; }

    /// <summary>The configuration section named for deploy-time overrides (<c>config_section:</c>).</summary>
    public string ConfigSection { get; }

    /// <summary>How bucket keys are placed in rollouts and splits.</summary>
    public BucketingAlgorithm Bucketing { get; }

    /// <summary>True when targeting ignores case and bucket keys are hashed lowercased (<c>ignore_case: true</c>).</summary>
    public bool IgnoreCase { get; }

    /// <summary>Days a flag may stay after it is fully launched before it is stale (<c>stale_after:</c>; 30 by default).</summary>
    public int StaleAfterDays { get; }

    /// <summary>The index of the flag with key <paramref name="key"/> in <see cref="Flags"/>.</summary>
    /// <param name="key">The flag key, compared case-insensitively.</param>
    /// <returns>The index, or -1 when no flag has that key (or the key is null).</returns>
    public int IndexOf([FlagKey] string key) => key is not null && _indexByKey.TryGetValue(key, out var index) ? index : -1;

    /// <summary>The phase named <paramref name="name"/> (case-insensitively), or null.</summary>
    internal FlagPhase? FindPhase(string name) => _phaseByName.TryGetValue(name, out var phase) ? phase : null;

    private static Dictionary<string, FlagPhase> IndexPhases(FlagPhase[] phases)
    {
        var byName = new Dictionary<string, FlagPhase>(phases.Length, StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < phases.Length; i++)
        {
            var phase = phases[i] ?? throw new ArgumentException($"Phase #{i + 1} is null.", nameof(phases));
            if (byName.ContainsKey(phase.Name))
            {
                throw new ArgumentException($"Phase '{phase.Name}' is declared more than once (names are compared case-insensitively).", nameof(phases));
            }

            byName.Add(phase.Name, phase);
        }

        return byName;
    }

    private static Dictionary<string, int> IndexFlags(FlagDefinition[] flags)
    {
        // Keys and environment variables are unique case-insensitively: configuration keys are
        // case-insensitive, and so are environment variables on Windows.
        var byKey = new Dictionary<string, int>(flags.Length, StringComparer.OrdinalIgnoreCase);
        var byEnvVar = new Dictionary<string, string>(flags.Length, StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < flags.Length; i++)
        {
            var flag = flags[i] ?? throw new ArgumentException($"Flag #{i + 1} is null.", nameof(flags));
            if (byKey.TryGetValue(flag.Key, out var other))
            {
                throw new ArgumentException($"Flag '{flag.Key}' is declared more than once (first as '{flags[other].Key}'; keys are compared case-insensitively).", nameof(flags));
            }

            if (byEnvVar.TryGetValue(flag.EnvVar, out var owner))
            {
                throw new ArgumentException($"Flag '{flag.Key}' uses environment variable '{flag.EnvVar}', which flag '{owner}' already uses.", nameof(flags));
            }

            byKey.Add(flag.Key, i);
            byEnvVar.Add(flag.EnvVar, flag.Key);
        }

        return byKey;
    }

    private void CheckReferences(FlagDefinition[] flags)
    {
        foreach (var flag in flags)
        {
            if (flag.Phase is not null && FindPhase(flag.Phase) is null)
            {
                throw new ArgumentException($"Flag '{flag.Key}' uses phase '{flag.Phase}', which is not declared.", nameof(flags));
            }

            foreach (var prerequisite in flag.Requires)
            {
                var index = IndexOf(prerequisite);
                if (index < 0)
                {
                    throw new ArgumentException($"Flag '{flag.Key}' requires '{prerequisite}', which is not declared.", nameof(flags));
                }

                if (flags[index].Type != FlagValueKind.Bool)
                {
                    throw new ArgumentException($"Flag '{flag.Key}' requires '{prerequisite}', which is a {flags[index].Type} flag; prerequisites must be bool flags.", nameof(flags));
                }
            }
        }
    }

    private void CheckPrerequisiteCycles(FlagDefinition[] flags)
    {
        // Depth-first search with three colours; a grey node reached again closes a cycle. Evaluation
        // recurses through prerequisites, so a cycle would never terminate.
        var state = new byte[flags.Length]; // 0 = unvisited, 1 = on the current path, 2 = done
        var path = new List<int>();
        for (var i = 0; i < flags.Length; i++)
        {
            Visit(i);
        }

        void Visit(int index)
        {
            if (state[index] == 2)
            {
                return;
            }

            if (state[index] == 1)
            {
                var start = path.IndexOf(index);
                var names = new List<string>();
                for (var i = start; i < path.Count; i++)
                {
                    names.Add(flags[path[i]].Key);
                }

                names.Add(flags[index].Key);
                throw new ArgumentException("Prerequisites form a cycle: " + string.Join(" -> ", names) + ".", nameof(flags));
            }

            state[index] = 1;
            path.Add(index);
            foreach (var prerequisite in flags[index].Requires)
            {
                Visit(IndexOf(prerequisite));
            }

            path.RemoveAt(path.Count - 1);
            state[index] = 2;
        }
    }
}
