namespace TypedFlags;

/// <summary>
/// Receives the result of every shadow run, to send it somewhere the metrics and the log do not go (a store of
/// mismatches, a test harness, an alerting hook). Register it with dependency injection
/// (<c>services.AddShadowRunObserver&lt;T&gt;()</c>) or add it to <see cref="ShadowOptions.Observers"/>.
/// </summary>
/// <remarks>
/// Called on the caller's thread after the candidate finished, before the caller gets the control's result, so keep it
/// quick (queue the result if the work is slow), and thread-safe: concurrent callers call it at the same time. An
/// observer that throws is ignored: it cannot change what the caller gets.
/// </remarks>
public interface IShadowRunObserver
{
    /// <summary>Receives one shadow run's result.</summary>
    /// <param name="result">What both paths returned, how long they took and how the run ended.</param>
    void OnShadowRun(ShadowResult result);
}
