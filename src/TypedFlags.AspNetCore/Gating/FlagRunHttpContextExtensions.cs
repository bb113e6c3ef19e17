using System;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace TypedFlags.AspNetCore;

/// <summary>
/// Shadow runs by flag key for the request's caller: what a handler behind <c>.RequireFlag(key)</c> calls to run the old
/// and the new path as the flag's mode says (in shadow mode both, answering with the old path's result).
/// </summary>
public static class FlagRunHttpContextExtensions
{
    /// <summary>
    /// Runs the paths bool flag <paramref name="key"/> picks for the request's caller (<see cref="FlagHttpContextExtensions.GetFlagContext"/>):
    /// off, <paramref name="control"/>; on, <paramref name="candidate"/>; shadow (a gate that let the request through in
    /// shadow mode, see <see cref="FlagHttpContextExtensions.IsShadow"/>), both: the control's result is returned and the
    /// candidate's compared and reported through the flags class's metrics, log and observers.
    /// </summary>
    /// <remarks>
    /// The flag is evaluated for the caller, as the gate evaluated it. With the typed flags class at hand,
    /// <c>HttpContext.GetFlags&lt;AppFlags&gt;().X.Run(control, candidate)</c> does the same without looking the key up.
    /// </remarks>
    /// <typeparam name="T">The paths' result type.</typeparam>
    /// <param name="httpContext">The current request.</param>
    /// <param name="key">A bool flag declared by a flags class registered with <c>AddTypedFlags</c>.</param>
    /// <param name="control">The old path.</param>
    /// <param name="candidate">The new path; <see cref="CandidateRun.IsShadow"/> tells it to skip side effects.</param>
    /// <param name="options">The comparer, ignored differences, sample rate and timeout of this run; null for the engine's defaults.</param>
    /// <returns>The control's result, or the candidate's when the flag is on for the caller.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="InvalidOperationException">No registered flags class declares <paramref name="key"/>, or it is not a bool flag.</exception>
    public static T RunFlag<T>(this HttpContext httpContext, [FlagKey] string key, Func<T> control, Func<CandidateRun, T> candidate, ShadowRunOptions<T>? options = null)
    {
        var flag = Resolve(httpContext, key, nameof(RunFlag));
        return flag.Run(HttpFlagContext.Get(httpContext), control, candidate, options);
    }

    /// <summary>The asynchronous form of <see cref="RunFlag{T}"/>: the candidate is not awaited past the candidate timeout.</summary>
    /// <typeparam name="T">The paths' result type.</typeparam>
    /// <param name="httpContext">The current request.</param>
    /// <param name="key">A bool flag declared by a flags class registered with <c>AddTypedFlags</c>.</param>
    /// <param name="control">The old path.</param>
    /// <param name="candidate">The new path; pass <see cref="CandidateRun.CancellationToken"/> on to its I/O.</param>
    /// <param name="options">The comparer, ignored differences, sample rate and timeout of this run; null for the engine's defaults.</param>
    /// <returns>The control's result, or the candidate's when the flag is on for the caller.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="InvalidOperationException">No registered flags class declares <paramref name="key"/>, or it is not a bool flag.</exception>
    public static ValueTask<T> RunFlagAsync<T>(this HttpContext httpContext, [FlagKey] string key, Func<ValueTask<T>> control, Func<CandidateRun, ValueTask<T>> candidate, ShadowRunOptions<T>? options = null)
    {
        var flag = Resolve(httpContext, key, nameof(RunFlagAsync));
        return flag.RunAsync(HttpFlagContext.Get(httpContext), control, candidate, options);
    }

    private static BoolFlag Resolve(HttpContext httpContext, string key, string api)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        ArgumentNullException.ThrowIfNull(key);
        foreach (var set in httpContext.RequestServices.GetServices<IFlagSet>())
        {
            var index = set.Engine.Manifest.IndexOf(key);
            if (index < 0)
            {
                continue;
            }

            var definition = set.Engine.Manifest.Flags[index];
            if (definition.Type != FlagValueKind.Bool)
            {
                throw new InvalidOperationException($"{api} names flag '{key}', which is of type {definition.Type.ToString().ToLowerInvariant()}: shadow runs need a bool flag.");
            }

            return new BoolFlag(set.Engine, index);
        }

        throw new InvalidOperationException($"{api} names flag '{key}', which no registered flags class declares: call services.AddTypedFlags<AppFlags>() for the class generated from its flags.yaml.");
    }
}
