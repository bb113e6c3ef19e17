using System;
using System.Threading.Tasks;

namespace TypedFlags;

// RS0026 guards against adding an optional parameter to an existing overload later. These overloads ship together and
// differ in the delegates they take (state or not, context or bound, sync or async); options stays the last,
// optional parameter of each, so a call without options reads as the common case.
#pragma warning disable RS0026

/// <summary>Shadow runs: the paths a bool flag picks, run for the caller (see docs/runtime.md, "Shadow runs").</summary>
public sealed partial class BoolFlag
{
    /// <summary>
    /// Runs the path the flag picks for <paramref name="context"/>: off, <paramref name="control"/> (the old path); on,
    /// <paramref name="candidate"/> (the new path); shadow, both: the control's result is returned, the candidate's is
    /// compared with it and reported (metrics, log, observers), and nothing the candidate does (a different result, an
    /// exception, a timeout) reaches the caller.
    /// </summary>
    /// <typeparam name="T">The paths' result type.</typeparam>
    /// <param name="context">Who the flag is evaluated for.</param>
    /// <param name="control">The old path. Its exceptions propagate, in every mode.</param>
    /// <param name="candidate">The new path; <see cref="CandidateRun.IsShadow"/> tells it to skip side effects. Its exceptions propagate when the flag is on.</param>
    /// <param name="options">The comparer, ignored differences, sample rate and timeout of this run; null for the engine's defaults.</param>
    /// <returns>The control's result, or the candidate's when the flag is on.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="control"/> or <paramref name="candidate"/> is null.</exception>
    public T Run<T>(FlagContext context, Func<T> control, Func<CandidateRun, T> candidate, ShadowRunOptions<T>? options = null)
    {
        var paths = Paths(control, candidate);
        return ShadowRunner.Run(_engine, _index, in context, _engine.Evaluate(_index, in context).Mode, paths, static p => p.Control(), static (p, run) => p.Candidate(run), options);
    }

    /// <summary>
    /// <see cref="Run{T}(FlagContext, Func{T}, Func{CandidateRun, T}, ShadowRunOptions{T})"/> with the paths' input passed as
    /// <paramref name="state"/>, so <c>static</c> lambdas capture nothing and the Off and On paths allocate nothing.
    /// </summary>
    /// <typeparam name="TState">What the paths work on (a request, a tuple of services).</typeparam>
    /// <typeparam name="T">The paths' result type.</typeparam>
    /// <param name="context">Who the flag is evaluated for.</param>
    /// <param name="state">Passed to both paths.</param>
    /// <param name="control">The old path.</param>
    /// <param name="candidate">The new path.</param>
    /// <param name="options">The comparer, ignored differences, sample rate and timeout of this run; null for the engine's defaults.</param>
    /// <returns>The control's result, or the candidate's when the flag is on.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="control"/> or <paramref name="candidate"/> is null.</exception>
    public T Run<TState, T>(FlagContext context, TState state, Func<TState, T> control, Func<TState, CandidateRun, T> candidate, ShadowRunOptions<T>? options = null)
    {
        Check(control, candidate);
        return ShadowRunner.Run(_engine, _index, in context, _engine.Evaluate(_index, in context).Mode, state, control, candidate, options);
    }

    /// <summary>
    /// <see cref="Run{T}(FlagContext, Func{T}, Func{CandidateRun, T}, ShadowRunOptions{T})"/> for the bound context
    /// (<c>flags.For(context).X.Run(...)</c>), or without a context for an unbound accessor.
    /// </summary>
    /// <typeparam name="T">The paths' result type.</typeparam>
    /// <param name="control">The old path.</param>
    /// <param name="candidate">The new path.</param>
    /// <param name="options">The comparer, ignored differences, sample rate and timeout of this run; null for the engine's defaults.</param>
    /// <returns>The control's result, or the candidate's when the flag is on.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="control"/> or <paramref name="candidate"/> is null.</exception>
    public T Run<T>(Func<T> control, Func<CandidateRun, T> candidate, ShadowRunOptions<T>? options = null)
    {
        var paths = Paths(control, candidate);
        return ShadowRunner.Run(_engine, _index, in _context, Current.Mode, paths, static p => p.Control(), static (p, run) => p.Candidate(run), options);
    }

    /// <summary>
    /// <see cref="Run{TState, T}(FlagContext, TState, Func{TState, T}, Func{TState, CandidateRun, T}, ShadowRunOptions{T})"/>
    /// for the bound context, or without a context for an unbound accessor.
    /// </summary>
    /// <typeparam name="TState">What the paths work on.</typeparam>
    /// <typeparam name="T">The paths' result type.</typeparam>
    /// <param name="state">Passed to both paths.</param>
    /// <param name="control">The old path.</param>
    /// <param name="candidate">The new path.</param>
    /// <param name="options">The comparer, ignored differences, sample rate and timeout of this run; null for the engine's defaults.</param>
    /// <returns>The control's result, or the candidate's when the flag is on.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="control"/> or <paramref name="candidate"/> is null.</exception>
    public T Run<TState, T>(TState state, Func<TState, T> control, Func<TState, CandidateRun, T> candidate, ShadowRunOptions<T>? options = null)
    {
        Check(control, candidate);
        return ShadowRunner.Run(_engine, _index, in _context, Current.Mode, state, control, candidate, options);
    }

    /// <summary>
    /// The asynchronous form of <see cref="Run{T}(FlagContext, Func{T}, Func{CandidateRun, T}, ShadowRunOptions{T})"/>.
    /// In shadow mode the candidate starts when the control has finished, and the caller does not wait for it past the
    /// candidate timeout (it is cancelled and left to finish).
    /// </summary>
    /// <typeparam name="T">The paths' result type.</typeparam>
    /// <param name="context">Who the flag is evaluated for.</param>
    /// <param name="control">The old path.</param>
    /// <param name="candidate">The new path; pass <see cref="CandidateRun.CancellationToken"/> on to its I/O.</param>
    /// <param name="options">The comparer, ignored differences, sample rate and timeout of this run; null for the engine's defaults.</param>
    /// <returns>The control's result, or the candidate's when the flag is on.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="control"/> or <paramref name="candidate"/> is null.</exception>
    public ValueTask<T> RunAsync<T>(FlagContext context, Func<ValueTask<T>> control, Func<CandidateRun, ValueTask<T>> candidate, ShadowRunOptions<T>? options = null)
    {
        var paths = Paths(control, candidate);
        return ShadowRunner.RunAsync(_engine, _index, in context, _engine.Evaluate(_index, in context).Mode, paths, static p => p.Control(), static (p, run) => p.Candidate(run), options);
    }

    /// <summary>The asynchronous form of <see cref="Run{TState, T}(FlagContext, TState, Func{TState, T}, Func{TState, CandidateRun, T}, ShadowRunOptions{T})"/>.</summary>
    /// <typeparam name="TState">What the paths work on.</typeparam>
    /// <typeparam name="T">The paths' result type.</typeparam>
    /// <param name="context">Who the flag is evaluated for.</param>
    /// <param name="state">Passed to both paths.</param>
    /// <param name="control">The old path.</param>
    /// <param name="candidate">The new path.</param>
    /// <param name="options">The comparer, ignored differences, sample rate and timeout of this run; null for the engine's defaults.</param>
    /// <returns>The control's result, or the candidate's when the flag is on.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="control"/> or <paramref name="candidate"/> is null.</exception>
    public ValueTask<T> RunAsync<TState, T>(FlagContext context, TState state, Func<TState, ValueTask<T>> control, Func<TState, CandidateRun, ValueTask<T>> candidate, ShadowRunOptions<T>? options = null)
    {
        Check(control, candidate);
        return ShadowRunner.RunAsync(_engine, _index, in context, _engine.Evaluate(_index, in context).Mode, state, control, candidate, options);
    }

    /// <summary>The asynchronous form of <see cref="Run{T}(Func{T}, Func{CandidateRun, T}, ShadowRunOptions{T})"/>, for the bound context.</summary>
    /// <typeparam name="T">The paths' result type.</typeparam>
    /// <param name="control">The old path.</param>
    /// <param name="candidate">The new path.</param>
    /// <param name="options">The comparer, ignored differences, sample rate and timeout of this run; null for the engine's defaults.</param>
    /// <returns>The control's result, or the candidate's when the flag is on.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="control"/> or <paramref name="candidate"/> is null.</exception>
    public ValueTask<T> RunAsync<T>(Func<ValueTask<T>> control, Func<CandidateRun, ValueTask<T>> candidate, ShadowRunOptions<T>? options = null)
    {
        var paths = Paths(control, candidate);
        return ShadowRunner.RunAsync(_engine, _index, in _context, Current.Mode, paths, static p => p.Control(), static (p, run) => p.Candidate(run), options);
    }

    /// <summary>The asynchronous form of <see cref="Run{TState, T}(TState, Func{TState, T}, Func{TState, CandidateRun, T}, ShadowRunOptions{T})"/>, for the bound context.</summary>
    /// <typeparam name="TState">What the paths work on.</typeparam>
    /// <typeparam name="T">The paths' result type.</typeparam>
    /// <param name="state">Passed to both paths.</param>
    /// <param name="control">The old path.</param>
    /// <param name="candidate">The new path.</param>
    /// <param name="options">The comparer, ignored differences, sample rate and timeout of this run; null for the engine's defaults.</param>
    /// <returns>The control's result, or the candidate's when the flag is on.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="control"/> or <paramref name="candidate"/> is null.</exception>
    public ValueTask<T> RunAsync<TState, T>(TState state, Func<TState, ValueTask<T>> control, Func<TState, CandidateRun, ValueTask<T>> candidate, ShadowRunOptions<T>? options = null)
    {
        Check(control, candidate);
        return ShadowRunner.RunAsync(_engine, _index, in _context, Current.Mode, state, control, candidate, options);
    }

    private static (TControl Control, TCandidate Candidate) Paths<TControl, TCandidate>(TControl control, TCandidate candidate)
        where TControl : Delegate
        where TCandidate : Delegate
    {
        Check(control, candidate);
        return (control, candidate);
    }

    private static void Check(Delegate control, Delegate candidate)
    {
        if (control is null)
        {
            throw new ArgumentNullException(nameof(control));
        }

        if (candidate is null)
        {
            throw new ArgumentNullException(nameof(candidate));
        }
    }
}
