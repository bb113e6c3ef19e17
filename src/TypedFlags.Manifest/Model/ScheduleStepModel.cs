using System;

namespace TypedFlags.Manifest.Model;

/// <summary>A step of a date-driven rollout: from <paramref name="AtUtc"/> on, the rollout is <paramref name="RolloutThousandths"/>.</summary>
/// <param name="AtUtc">When the step starts (a date means 00:00 UTC).</param>
/// <param name="RolloutThousandths">Rollout in thousandths of a percent (0..100000).</param>
public sealed record ScheduleStepModel(DateTime AtUtc, int RolloutThousandths);
