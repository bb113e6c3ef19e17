namespace TypedFlags.Manifest.Model;

/// <summary>One entry of <c>targeting.groups</c>: the percentage of a group's members that get a bool flag on.</summary>
/// <param name="Group">The group name as declared.</param>
/// <param name="Thousandths">The rollout in thousandths of a percent (0..100000).</param>
public sealed record GroupRolloutModel(string Group, int Thousandths);
