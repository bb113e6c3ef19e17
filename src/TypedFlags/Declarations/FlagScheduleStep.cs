using System;
using System.Globalization;

namespace TypedFlags;

/// <summary>
/// One step of a flag's <c>schedule:</c>: from <see cref="At"/> on, the rollout is <see cref="Rollout"/> percent
/// (until the next step). The last step whose time has passed wins.
/// </summary>
public sealed class FlagScheduleStep
{
    /// <summary>Creates a schedule step.</summary>
    /// <param name="at">When the step takes effect.</param>
    /// <param name="rollout">The rollout percentage from then on, 0 to 100.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="rollout"/> is not a number from 0 to 100.</exception>
    public FlagScheduleStep(DateTimeOffset at, double rollout)
    {
        Percent.Validate(rollout, nameof(rollout));
        At = at;
        Rollout = rollout;
    }

    /// <summary>When the step takes effect.</summary>
    public DateTimeOffset At { get; }

    /// <summary>The rollout percentage from <see cref="At"/> on, 0 to 100.</summary>
    public double Rollout { get; }

    /// <summary>The step as <c>2026-12-01T00:00:00+00:00: 10%</c>.</summary>
    public override string ToString() =>
        At.ToString("o", CultureInfo.InvariantCulture) + ": " + Rollout.ToString("R", CultureInfo.InvariantCulture) + "%";
}
