using System;
using System.Collections.Generic;

namespace TypedFlags;

/// <summary>
/// One flag's runtime override in the object form of configuration (SPEC §4.2): <c>{ Value, State, Rollout, Allow,
/// Deny, Targets, Expires }</c>, every field as text in the same grammar. A flag store keeps overrides in this form and
/// hands them to the engine as configuration keys, so the one override reader decides what they mean.
/// </summary>
/// <remarks>
/// Equality compares the canonical JSON (<see cref="ToJson"/>): two overrides are equal when they are written the
/// same way. Null fields and empty lists are not set.
/// </remarks>
public sealed class FlagOverride : IEquatable<FlagOverride>
{
    /// <summary>A value, <c>kill</c>, or (bool flags) a rollout like <c>25%</c>: as the scalar form <c>Flags:&lt;key&gt;</c>.</summary>
    public string? Value { get; init; }

    /// <summary><c>kill</c>/<c>killed</c> or <c>active</c>; bool flags also take the bool values and <c>shadow</c>.</summary>
    public string? State { get; init; }

    /// <summary>A percentage (<c>25</c> or <c>25%</c>) that replaces the declared rollout and schedule (bool flags).</summary>
    public string? Rollout { get; init; }

    /// <summary>Targets added to the allow list (bool flags): <c>alice</c>, <c>tenant:acme</c>, <c>group:beta</c>.</summary>
    public IReadOnlyList<string>? Allow { get; init; }

    /// <summary>Targets added to the deny list (bool flags).</summary>
    public IReadOnlyList<string>? Deny { get; init; }

    /// <summary>Per-target values, each with an optional expiry.</summary>
    public IReadOnlyList<FlagTargetOverride>? Targets { get; init; }

    /// <summary>When the whole override stops applying: an ISO 8601 date-time, or a date (through the end of that day, UTC).</summary>
    public string? Expires { get; init; }

    /// <summary>True when no field is set.</summary>
    public bool IsEmpty =>
        Value is null && State is null && Rollout is null && Expires is null
        && (Allow is null || Allow.Count == 0) && (Deny is null || Deny.Count == 0) && (Targets is null || Targets.Count == 0);

    /// <summary>
    /// The canonical JSON: an object with the set fields in the order <c>Value, State, Rollout, Allow, Deny, Targets,
    /// Expires</c>, <c>Targets</c> as an array of <c>{ Target, Value, State, Expires }</c> (the form that keeps case and
    /// <c>:</c> in target names), no whitespace. Stores keep this text; the same override always gives the same text.
    /// </summary>
    public string ToJson() => FlagOverrideJson.Write(this);

    /// <summary>Reads the JSON <see cref="ToJson"/> writes; <c>Targets</c> may also be a map from target to value or to <c>{ Value, State, Expires }</c>.</summary>
    /// <exception cref="FormatException">The text is not JSON of that shape; the message says where.</exception>
    public static FlagOverride FromJson(string json) => FlagOverrideJson.Read(json ?? throw new ArgumentNullException(nameof(json)));

    /// <inheritdoc />
    public bool Equals(FlagOverride? other) => other is not null && string.Equals(ToJson(), other.ToJson(), StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as FlagOverride);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(ToJson());

    /// <summary>The canonical JSON.</summary>
    public override string ToString() => ToJson();
}

/// <summary>One entry of <see cref="FlagOverride.Targets"/>: a target and its value, kill or state, with an optional expiry.</summary>
public sealed class FlagTargetOverride : IEquatable<FlagTargetOverride>
{
    /// <summary>Creates an entry.</summary>
    /// <param name="target">A user id (targeting key), <c>tenant:NAME</c> or <c>group:NAME</c>.</param>
    /// <param name="value">The flag's grammar without rollouts, or <c>kill</c>; null when <see cref="State"/> says it.</param>
    /// <param name="expires">When the entry stops applying, as <see cref="FlagOverride.Expires"/>; null for never.</param>
    public FlagTargetOverride(string target, string? value, string? expires = null)
    {
        Target = target ?? throw new ArgumentNullException(nameof(target));
        Value = value;
        Expires = expires;
    }

    /// <summary>A user id (targeting key), <c>tenant:NAME</c> or <c>group:NAME</c>.</summary>
    public string Target { get; }

    /// <summary>The target's value, or <c>kill</c>.</summary>
    public string? Value { get; }

    /// <summary><c>kill</c>/<c>active</c> (bool flags: also a bool value or <c>shadow</c>), or null.</summary>
    public string? State { get; init; }

    /// <summary>When the entry stops applying, or null.</summary>
    public string? Expires { get; }

    /// <inheritdoc />
    public bool Equals(FlagTargetOverride? other) =>
        other is not null
        && string.Equals(Target, other.Target, StringComparison.Ordinal)
        && string.Equals(Value, other.Value, StringComparison.Ordinal)
        && string.Equals(State, other.State, StringComparison.Ordinal)
        && string.Equals(Expires, other.Expires, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as FlagTargetOverride);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Target) ^ (Value is null ? 0 : StringComparer.Ordinal.GetHashCode(Value));
}
