using System;
using System.Collections.Generic;
using TypedFlags.Manifest.Diagnostics;
using TypedFlags.Manifest.Model;
using TypedFlags.Manifest.Naming;
using TypedFlags.Manifest.Parsing;

namespace TypedFlags.Manifest.Validation;

/// <summary>
/// The rules that look across flags: phases and prerequisites that must exist, prerequisite cycles, and
/// generated names (accessors, enums, environment variables) that must not collide.
/// </summary>
internal sealed class ManifestCrossChecks
{
    private readonly ReaderContext _context;
    private readonly string _className;
    private readonly List<string> _phases;
    private readonly bool _phasesDeclared;

    public ManifestCrossChecks(ReaderContext context, string className, List<string> phases, bool phasesDeclared)
    {
        _context = context;
        _className = className;
        _phases = phases;
        _phasesDeclared = phasesDeclared;
    }

    public void Run(List<FlagDraft> drafts)
    {
        var byKey = new Dictionary<string, FlagDraft>(StringComparer.Ordinal);
        foreach (var draft in drafts)
        {
            byKey[draft.Model.Key] = draft;
        }

        CheckPhases(drafts);
        CheckGeneratedNames(drafts);
        CheckEnvironmentVariables(drafts);
        CheckPrerequisites(drafts, byKey);
        CheckCycles(drafts, byKey);
        DropDependentsOfBrokenFlags(drafts, byKey);
    }

    private void CheckPhases(List<FlagDraft> drafts)
    {
        foreach (var draft in drafts)
        {
            var phase = draft.Model.Phase;
            if (phase is null || _phases.Contains(phase))
            {
                continue;
            }

            var declared = _phases.Count == 0 ? "none" : string.Join(", ", _phases);
            if (!_phasesDeclared)
            {
                declared += " (the defaults; declare 'phases:' to define your own)";
            }

            _context.Report(ManifestRules.UnknownPhase, draft.PhaseNode!, draft.Model.Key, phase, declared, Suggestions.DidYouMean(phase, _phases));
            draft.HasErrors = true;
        }
    }

    private void CheckGeneratedNames(List<FlagDraft> drafts)
    {
        // An accessor is a property of the flags class, a constant of its Keys class and a property of the overrides
        // class, so it must differ from every member of each (GeneratedNames lists them) and from each type's name.
        var overrides = GeneratedNames.OverridesClass(_className);
        var owners = new Dictionary<string, string>(StringComparer.Ordinal);
        Reserve(owners, GeneratedNames.ObjectMembers, "is a member every generated class inherits from object");
        Reserve(owners, GeneratedNames.OverridesBaseMembers, $"is a member the generated '{overrides}' class inherits from TypedFlags.FlagTestOverrides");
        Reserve(owners, GeneratedNames.FlagsClassMembers, $"is a member the generator emits in class '{_className}'");
        owners[_className] = "is the generated class's own name";
        owners[overrides] = "is the name of the generated overrides class, whose properties cannot share it";
        foreach (var draft in drafts)
        {
            var accessor = draft.Model.AccessorName;
            if (owners.TryGetValue(accessor, out var owner))
            {
                _context.Report(ManifestRules.NameCollision, draft.KeyNode, "Flag key", draft.Model.Key, accessor, owner);
                draft.HasErrors = true;
                continue;
            }

            owners[accessor] = $"flag '{draft.Model.Key}' already produces";
        }
    }

    private static void Reserve(Dictionary<string, string> owners, IEnumerable<string> names, string owner)
    {
        foreach (var name in names)
        {
            owners[name] = owner;
        }
    }

    private void CheckEnvironmentVariables(List<FlagDraft> drafts)
    {
        // Windows compares variable names case-insensitively, so two names differing only in case collide there.
        var owners = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var draft in drafts)
        {
            if (owners.TryGetValue(draft.Model.EnvVar, out var owner))
            {
                _context.Report(ManifestRules.EnvVarCollision, (YamlDotNet.RepresentationModel.YamlNode?)draft.EnvNode ?? draft.KeyNode, draft.Model.Key, draft.Model.EnvVar, owner);
                draft.HasErrors = true;
                continue;
            }

            owners[draft.Model.EnvVar] = draft.Model.Key;
        }
    }

    private void CheckPrerequisites(List<FlagDraft> drafts, Dictionary<string, FlagDraft> byKey)
    {
        var keys = new List<string>(byKey.Keys);
        foreach (var draft in drafts)
        {
            foreach (var (key, node) in draft.RequiresNodes)
            {
                if (!byKey.TryGetValue(key, out var prerequisite))
                {
                    _context.Report(ManifestRules.UnknownPrerequisite, node, draft.Model.Key, key, Suggestions.DidYouMean(key, keys));
                    draft.HasErrors = true;
                }
                else if (ReferenceEquals(prerequisite, draft))
                {
                    _context.Report(ManifestRules.InvalidPrerequisite, node, draft.Model.Key, key, "a flag cannot require itself");
                    draft.HasErrors = true;
                }
                else if (prerequisite.Model.Type != FlagValueType.Bool)
                {
                    _context.Report(ManifestRules.InvalidPrerequisite, node, draft.Model.Key, key, $"prerequisites must be bool flags, and '{key}' is {ManifestFields.Types[(int)prerequisite.Model.Type]}");
                    draft.HasErrors = true;
                }
            }
        }
    }

    private void CheckCycles(List<FlagDraft> drafts, Dictionary<string, FlagDraft> byKey)
    {
        // Iterative colouring DFS: 0 = unvisited, 1 = on the current path, 2 = done. Each cycle is reported once,
        // at the requires entry that closes it.
        var state = new Dictionary<FlagDraft, int>();
        foreach (var start in drafts)
        {
            if (state.ContainsKey(start))
            {
                continue;
            }

            var path = new List<FlagDraft>();
            var stack = new Stack<(FlagDraft Draft, int Next)>();
            stack.Push((start, 0));
            state[start] = 1;
            path.Add(start);
            while (stack.Count > 0)
            {
                var (draft, next) = stack.Pop();
                if (next >= draft.RequiresNodes.Count)
                {
                    state[draft] = 2;
                    path.RemoveAt(path.Count - 1);
                    continue;
                }

                stack.Push((draft, next + 1));
                var (key, node) = draft.RequiresNodes[next];
                if (!byKey.TryGetValue(key, out var target) || ReferenceEquals(target, draft))
                {
                    continue;
                }

                state.TryGetValue(target, out var targetState);
                if (targetState == 1)
                {
                    var cycle = new List<string>();
                    for (var i = path.IndexOf(target); i < path.Count; i++)
                    {
                        cycle.Add(path[i].Model.Key);
                    }

                    cycle.Add(target.Model.Key);
                    _context.Report(ManifestRules.PrerequisiteCycle, node, string.Join(" -> ", cycle));
                    for (var i = path.IndexOf(target); i < path.Count; i++)
                    {
                        path[i].HasErrors = true;
                    }
                }
                else if (targetState == 0)
                {
                    state[target] = 1;
                    path.Add(target);
                    stack.Push((target, 0));
                }
            }
        }
    }

    private static void DropDependentsOfBrokenFlags(List<FlagDraft> drafts, Dictionary<string, FlagDraft> byKey)
    {
        // A flag whose prerequisite is left out of the generated code cannot be evaluated faithfully; it goes
        // too. The prerequisite's own diagnostic already explains why.
        bool changed;
        do
        {
            changed = false;
            foreach (var draft in drafts)
            {
                if (draft.HasErrors)
                {
                    continue;
                }

                foreach (var (key, _) in draft.RequiresNodes)
                {
                    if (byKey.TryGetValue(key, out var prerequisite) && prerequisite.HasErrors)
                    {
                        draft.HasErrors = true;
                        changed = true;
                        break;
                    }
                }
            }
        }
        while (changed);
    }
}
