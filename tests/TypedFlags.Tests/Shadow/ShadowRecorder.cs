using System.Collections.Generic;

namespace TypedFlags.Tests.Shadow;

/// <summary>An observer that keeps every shadow run's result, thread-safely.</summary>
internal sealed class ShadowRecorder : IShadowRunObserver
{
    private readonly object _gate = new();
    private readonly List<ShadowResult> _results = new();

    public IReadOnlyList<ShadowResult> Results
    {
        get
        {
            lock (_gate)
            {
                return _results.ToArray();
            }
        }
    }

    public void OnShadowRun(ShadowResult result)
    {
        lock (_gate)
        {
            _results.Add(result);
        }
    }
}
