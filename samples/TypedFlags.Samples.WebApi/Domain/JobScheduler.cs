using System.Linq;
using Microsoft.Extensions.Logging;

namespace FieldOps.Api.Domain;

/// <summary>A day's job plan: which technician takes which job, in order.</summary>
public sealed record JobPlan(string Engine, string[] Assignments);

/// <summary>Two scheduling engines: v1 answers today; v2 is being proven in shadow mode.</summary>
public sealed class JobScheduler
{
    public static JobPlan PlanV1() => new("v1", new[] { "dana: boiler service 09:00", "lee: leak repair 10:30" });

    public static JobPlan PlanV2() => new("v2", new[] { "dana: boiler service 09:00", "lee: leak repair 10:00" });

    /// <summary>Logs where the candidate differs from what the caller got; the caller never sees the candidate.</summary>
    public static void Compare(JobPlan control, JobPlan candidate, ILogger logger)
    {
        if (!control.Assignments.SequenceEqual(candidate.Assignments))
        {
            logger.LogInformation("jobs.scheduling.v2 (shadow) differs from v1: {Candidate}", string.Join("; ", candidate.Assignments));
        }
    }
}
