using System;
using Microsoft.Extensions.Logging;

namespace TypedFlags;

/// <summary>The log entries of shadow runs. Event ids are stable (1701–1703) so alerts and queries can key on them.</summary>
internal static class ShadowLog
{
    public static readonly EventId MismatchEvent = new(1701, "ShadowMismatch");
    public static readonly EventId CandidateFailedEvent = new(1702, "ShadowCandidateFailed");
    public static readonly EventId CandidateTimedOutEvent = new(1703, "ShadowCandidateTimedOut");

    private static readonly Action<ILogger, string, string, string, double, double, Exception?> MismatchMessage =
        LoggerMessage.Define<string, string, string, double, double>(
            LogLevel.Warning,
            MismatchEvent,
            "Shadow run of flag '{FlagKey}' mismatched: control returned {ControlResult}, candidate returned {CandidateResult} (control {ControlMs} ms, candidate {CandidateMs} ms).");

    private static readonly Action<ILogger, string, Exception?> CandidateFailedMessage =
        LoggerMessage.Define<string>(
            LogLevel.Warning,
            CandidateFailedEvent,
            "Shadow run of flag '{FlagKey}': the candidate threw; the caller got the control's result.");

    private static readonly Action<ILogger, string, double, Exception?> CandidateTimedOutMessage =
        LoggerMessage.Define<string, double>(
            LogLevel.Warning,
            CandidateTimedOutEvent,
            "Shadow run of flag '{FlagKey}': the candidate did not finish within {TimeoutMs} ms; the caller got the control's result.");

    public static void Mismatch(ILogger logger, string key, string control, string candidate, TimeSpan controlDuration, TimeSpan candidateDuration) =>
        MismatchMessage(logger, key, control, candidate, Math.Round(controlDuration.TotalMilliseconds, 3), Math.Round(candidateDuration.TotalMilliseconds, 3), null);

    public static void CandidateFailed(ILogger logger, string key, Exception exception) => CandidateFailedMessage(logger, key, exception);

    public static void CandidateTimedOut(ILogger logger, string key, TimeSpan timeout) => CandidateTimedOutMessage(logger, key, timeout.TotalMilliseconds, null);
}
