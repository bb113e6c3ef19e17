using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace TypedFlags;

/// <summary>
/// Runs the paths a bool flag's mode picks: Off the control, On the candidate, Shadow the control and then the candidate,
/// returning the control's result. The Off and On paths call one delegate and, with telemetry off, nothing else.
/// </summary>
/// <remarks>
/// In shadow mode the control runs first and the candidate after it, never at the same time: the two often share
/// request-scoped services (a DbContext) that are not thread-safe, and the candidate cannot change the state the control
/// reads. A control exception propagates unchanged and the candidate does not run: there is nothing to compare it with.
/// </remarks>
internal static class ShadowRunner
{
    public static T Run<TState, T>(
        FlagEngine engine,
        int index,
        in FlagContext context,
        FlagMode mode,
        TState state,
        Func<TState, T> control,
        Func<TState, CandidateRun, T> candidate,
        ShadowRunOptions<T>? options)
    {
        var runtime = engine.Shadow;
        if (mode == FlagMode.Shadow)
        {
            return RunShadow(runtime, engine.Manifest.Flags[index].Key, index, context, state, control, candidate, options);
        }

        if (!runtime.Telemetry)
        {
            return mode == FlagMode.On ? candidate(state, default) : control(state);
        }

        var start = runtime.TimeProvider.GetTimestamp();
        try
        {
            return mode == FlagMode.On ? candidate(state, default) : control(state);
        }
        finally
        {
            ShadowTelemetry.RecordLive(engine.Manifest.Flags[index].Key, mode, runtime.Elapsed(start));
        }
    }

    public static ValueTask<T> RunAsync<TState, T>(
        FlagEngine engine,
        int index,
        in FlagContext context,
        FlagMode mode,
        TState state,
        Func<TState, ValueTask<T>> control,
        Func<TState, CandidateRun, ValueTask<T>> candidate,
        ShadowRunOptions<T>? options)
    {
        var runtime = engine.Shadow;
        if (mode == FlagMode.Shadow)
        {
            return RunShadowAsync(runtime, engine.Manifest.Flags[index].Key, index, context, state, control, candidate, options);
        }

        if (!runtime.Telemetry)
        {
            return mode == FlagMode.On ? candidate(state, default) : control(state);
        }

        return TimedAsync(runtime, engine.Manifest.Flags[index].Key, mode, state, control, candidate);
    }

    private static async ValueTask<T> TimedAsync<TState, T>(
        ShadowRuntime runtime,
        string key,
        FlagMode mode,
        TState state,
        Func<TState, ValueTask<T>> control,
        Func<TState, CandidateRun, ValueTask<T>> candidate)
    {
        var start = runtime.TimeProvider.GetTimestamp();
        try
        {
            return await (mode == FlagMode.On ? candidate(state, default) : control(state)).ConfigureAwait(false);
        }
        finally
        {
            ShadowTelemetry.RecordLive(key, mode, runtime.Elapsed(start));
        }
    }

    private static T RunShadow<TState, T>(
        ShadowRuntime runtime,
        string key,
        int index,
        FlagContext context,
        TState state,
        Func<TState, T> control,
        Func<TState, CandidateRun, T> candidate,
        ShadowRunOptions<T>? options)
    {
        if (!runtime.Sample(index, options?.SampleRate ?? runtime.SampleRate))
        {
            // Left to the control by the sample rate: timed only when someone listens, so a low rate stays cheap.
            if (!ShadowTelemetry.Listening)
            {
                return control(state);
            }

            var skippedStart = runtime.TimeProvider.GetTimestamp();
            var skipped = control(state);
            ShadowTelemetry.RecordNotSampled(key, runtime.Elapsed(skippedStart));
            return skipped;
        }

        var start = runtime.TimeProvider.GetTimestamp();
        var controlValue = control(state);
        var controlDuration = runtime.Elapsed(start);

        var timeout = options?.CandidateTimeout ?? runtime.CandidateTimeout;
        using var timer = timeout is { } limit ? CreateTimeout(runtime.TimeProvider, limit) : null;
        var candidateValue = default(T)!;
        Exception? error = null;
        start = runtime.TimeProvider.GetTimestamp();
        try
        {
            candidateValue = candidate(state, new CandidateRun(true, timer?.Token ?? CancellationToken.None));
        }
        catch (Exception e)
        {
            error = e;
        }

        var candidateDuration = runtime.Elapsed(start);

        // A synchronous candidate cannot be stopped: one that took longer than the limit (or gave up because its token
        // was cancelled) timed out, and its result is not compared.
        var timedOut = timeout is { } max && (candidateDuration > max || (error is OperationCanceledException && timer!.IsCancellationRequested));
        Finish(runtime, key, context, controlValue, candidateValue, error, timedOut, controlDuration, candidateDuration, timeout, options);
        return controlValue;
    }

    private static async ValueTask<T> RunShadowAsync<TState, T>(
        ShadowRuntime runtime,
        string key,
        int index,
        FlagContext context,
        TState state,
        Func<TState, ValueTask<T>> control,
        Func<TState, CandidateRun, ValueTask<T>> candidate,
        ShadowRunOptions<T>? options)
    {
        if (!runtime.Sample(index, options?.SampleRate ?? runtime.SampleRate))
        {
            if (!ShadowTelemetry.Listening)
            {
                return await control(state).ConfigureAwait(false);
            }

            var skippedStart = runtime.TimeProvider.GetTimestamp();
            var skipped = await control(state).ConfigureAwait(false);
            ShadowTelemetry.RecordNotSampled(key, runtime.Elapsed(skippedStart));
            return skipped;
        }

        var start = runtime.TimeProvider.GetTimestamp();
        var controlValue = await control(state).ConfigureAwait(false);
        var controlDuration = runtime.Elapsed(start);

        var timeout = options?.CandidateTimeout ?? runtime.CandidateTimeout;
        using var timer = timeout is { } limit ? CreateTimeout(runtime.TimeProvider, limit) : null;
        var candidateValue = default(T)!;
        Exception? error = null;
        var timedOut = false;
        start = runtime.TimeProvider.GetTimestamp();
        try
        {
            var pending = candidate(state, new CandidateRun(true, timer?.Token ?? CancellationToken.None));
            if (pending.IsCompleted || timer is null)
            {
                candidateValue = await pending.ConfigureAwait(false);
            }
            else
            {
                // Wait for the candidate or the timeout, whichever comes first: the caller never waits past the limit.
                var task = pending.AsTask();
                var expired = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
                using (timer.Token.Register(static s => ((TaskCompletionSource<bool>)s!).TrySetResult(true), expired))
                {
                    if (await Task.WhenAny(task, expired.Task).ConfigureAwait(false) == task)
                    {
                        candidateValue = await task.ConfigureAwait(false);
                    }
                    else
                    {
                        timedOut = true;
                        Abandon(task);
                    }
                }
            }
        }
        catch (Exception e)
        {
            error = e;
            timedOut = e is OperationCanceledException && timer?.IsCancellationRequested == true;
        }

        var candidateDuration = runtime.Elapsed(start);
        Finish(runtime, key, context, controlValue, candidateValue, error, timedOut, controlDuration, candidateDuration, timeout, options);
        return controlValue;
    }

    private static void Finish<T>(
        ShadowRuntime runtime,
        string key,
        FlagContext context,
        T controlValue,
        T candidateValue,
        Exception? error,
        bool timedOut,
        TimeSpan controlDuration,
        TimeSpan candidateDuration,
        TimeSpan? timeout,
        ShadowRunOptions<T>? options)
    {
        ShadowOutcome outcome;
        if (timedOut)
        {
            outcome = ShadowOutcome.CandidateTimedOut;
            error = null;
            candidateValue = default!;
        }
        else if (error is not null)
        {
            outcome = ShadowOutcome.CandidateFailed;
        }
        else
        {
            try
            {
                var comparer = options?.Comparer ?? EqualityComparer<T>.Default;
                outcome = comparer.Equals(controlValue, candidateValue) ? ShadowOutcome.Match
                    : options?.Ignore?.Invoke(controlValue, candidateValue) == true ? ShadowOutcome.Ignored
                    : ShadowOutcome.Mismatch;
            }
            catch (Exception e)
            {
                // A comparer or ignore predicate that throws is part of the candidate's code: it fails the run, not the call.
                outcome = ShadowOutcome.CandidateFailed;
                error = e;
            }
        }

        runtime.Publish(new ShadowResult(key, context, outcome, controlValue, candidateValue, error, controlDuration, candidateDuration), timeout);
    }

    private static CancellationTokenSource CreateTimeout(TimeProvider timeProvider, TimeSpan timeout)
    {
#if NET8_0_OR_GREATER
        return new CancellationTokenSource(timeout, timeProvider);
#else
        return TimeProviderTaskExtensions.CreateCancellationTokenSource(timeProvider, timeout);
#endif
    }

    /// <summary>A candidate left running past its timeout: observe its exception so it is not reported as unobserved.</summary>
    private static void Abandon(Task task) =>
        task.ContinueWith(static t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
}
