using System;
using System.Collections.Generic;

namespace TypedFlags.Manifest.Overrides;

/// <summary>What one setting of an override asks for.</summary>
#if TYPEDFLAGS_RUNTIME
internal
#else
public
#endif
enum OverrideSettingKind
{
    /// <summary>A value (step 5; step 3 for a target).</summary>
    Value,

    /// <summary><c>kill</c>: Off for everyone or for the target (step 1).</summary>
    Kill,

    /// <summary>A rollout that replaces the declared rollout and schedule.</summary>
    Rollout,
}

/// <summary>One accepted setting: a value, a kill or a rollout, with the key it was read from.</summary>
#if TYPEDFLAGS_RUNTIME
internal
#else
public
#endif
sealed class OverrideSetting
{
    /// <summary>Creates a setting.</summary>
    public OverrideSetting(OverrideSettingKind kind, string raw, int thousandths, string canonical, OverrideNode node)
    {
        Kind = kind;
        Raw = raw;
        Thousandths = thousandths;
        Canonical = canonical;
        Node = node;
    }

    /// <summary>What it asks for.</summary>
    public OverrideSettingKind Kind { get; }

    /// <summary>The value as written; valid in the flag's grammar.</summary>
    public string Raw { get; }

    /// <summary>The rollout in thousandths of a percent, for <see cref="OverrideSettingKind.Rollout"/>.</summary>
    public int Thousandths { get; }

    /// <summary>
    /// A <see cref="OverrideSettingKind.Value"/> in one spelling: <c>true</c>/<c>false</c>/<c>shadow</c>, an invariant
    /// integer or round-trip double, the string as written, or the declared variant name.
    /// </summary>
    public string Canonical { get; }

    /// <summary>The key it was read from.</summary>
    public OverrideNode Node { get; }
}

/// <summary>An <c>Allow</c> or <c>Deny</c> list: its entries (checked, prefixes lowercase) and the key it was read from.</summary>
#if TYPEDFLAGS_RUNTIME
internal
#else
public
#endif
sealed class OverrideList
{
    /// <summary>Creates a list.</summary>
    public OverrideList(IReadOnlyList<string> entries, OverrideNode node)
    {
        Entries = entries;
        Node = node;
    }

    /// <summary>The entries.</summary>
    public IReadOnlyList<string> Entries { get; }

    /// <summary>The key it was read from.</summary>
    public OverrideNode Node { get; }
}

/// <summary>One entry of <c>Targets</c>: the target, its setting (a value or a kill) and its expiry.</summary>
#if TYPEDFLAGS_RUNTIME
internal
#else
public
#endif
sealed class OverrideTargetEntry
{
    /// <summary>Creates an entry.</summary>
    public OverrideTargetEntry(string target, OverrideSetting setting, DateTimeOffset? expires)
    {
        Target = target;
        Setting = setting;
        Expires = expires;
    }

    /// <summary>The target (<c>alice</c>, <c>tenant:acme</c>, <c>group:beta</c>).</summary>
    public string Target { get; }

    /// <summary>A value or a kill.</summary>
    public OverrideSetting Setting { get; }

    /// <summary>When the entry stops applying, or null.</summary>
    public DateTimeOffset? Expires { get; }
}

/// <summary>
/// Something the reader did not take: a value that is not valid (<see cref="Rejects"/>: the whole override is
/// rejected and the flag keeps its last good one) or a key it ignores (a field that does not exist or apply).
/// The runtime logs it as a warning; the analyzer reports it as TF2002 at the JSON location.
/// </summary>
#if TYPEDFLAGS_RUNTIME
internal
#else
public
#endif
sealed class OverrideProblem
{
    /// <summary>Creates a problem.</summary>
    public OverrideProblem(OverrideNode node, bool atName, string shown, string accepted, bool rejects)
    {
        Node = node;
        AtName = atName;
        Shown = shown;
        Accepted = accepted;
        Rejects = rejects;
    }

    /// <summary>The key with the problem.</summary>
    public OverrideNode Node { get; }

    /// <summary>True when the key itself is the problem (an unknown field), false when its value is.</summary>
    public bool AtName { get; }

    /// <summary>What was found, for messages: <c>'maybe'</c>, <c>an array</c>, <c>field 'Colour'</c>.</summary>
    public string Shown { get; }

    /// <summary>What is accepted there.</summary>
    public string Accepted { get; }

    /// <summary>True when the whole override is rejected; false when only this key is ignored.</summary>
    public bool Rejects { get; }
}

/// <summary>
/// One flag's override as <see cref="OverrideReader"/> read it: the settings it makes and the problems it found.
/// When <see cref="Rejected"/> is true nothing of it applies.
/// </summary>
#if TYPEDFLAGS_RUNTIME
internal
#else
public
#endif
sealed class OverrideReading
{
    private readonly List<OverrideProblem> _problems = new();
    private readonly List<OverrideTargetEntry> _targets = new();

    /// <summary>True when a value is not valid: the flag keeps its last good override.</summary>
    public bool Rejected { get; internal set; }

    /// <summary>What was rejected or ignored, in reading order.</summary>
    public IReadOnlyList<OverrideProblem> Problems => _problems;

    /// <summary>The global value (step 5), or null.</summary>
    public OverrideSetting? Value { get; internal set; }

    /// <summary>The kill (step 1), or null.</summary>
    public OverrideSetting? Kill { get; internal set; }

    /// <summary>The rollout that replaces the declared one, or null.</summary>
    public OverrideSetting? Rollout { get; internal set; }

    /// <summary>Entries added to the allow list, or null.</summary>
    public OverrideList? Allow { get; internal set; }

    /// <summary>Entries added to the deny list, or null.</summary>
    public OverrideList? Deny { get; internal set; }

    /// <summary>Per-target settings.</summary>
    public IReadOnlyList<OverrideTargetEntry> Targets => _targets;

    /// <summary>When the whole override stops applying, or null.</summary>
    public DateTimeOffset? Expires { get; internal set; }

    /// <summary>True when the override sets nothing (only <c>Expires</c>, or nothing usable).</summary>
    public bool IsEmpty => Value is null && Kill is null && Rollout is null && Allow is null && Deny is null && _targets.Count == 0;

    internal void Add(OverrideProblem problem) => _problems.Add(problem);

    internal void Add(OverrideTargetEntry target) => _targets.Add(target);
}
