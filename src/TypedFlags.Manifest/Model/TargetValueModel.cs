namespace TypedFlags.Manifest.Model;

/// <summary>One entry of <c>targets</c>: the value a target (a user id, <c>tenant:X</c> or <c>group:X</c>) gets.</summary>
/// <param name="Target">The target, its prefix normalized (<c>group:beta</c>).</param>
/// <param name="Value">The value the target gets, of the flag's type.</param>
public sealed record TargetValueModel(string Target, FlagValueModel Value);
