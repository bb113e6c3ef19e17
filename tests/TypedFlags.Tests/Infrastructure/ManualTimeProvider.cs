using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace TypedFlags.Tests.Infrastructure;

/// <summary>
/// A clock that moves only when a test says so. Timers fire synchronously inside <see cref="Advance"/>, in due
/// order, with the clock set to each timer's due time, so a test sees exactly what a process would see at that
/// moment. (Microsoft.Extensions.TimeProvider.Testing offers the same; it is not a dependency here.)
/// </summary>
internal sealed class ManualTimeProvider : TimeProvider
{
    private readonly object _gate = new();
    private readonly List<ManualTimer> _timers = new();
    private DateTimeOffset _now;

    public ManualTimeProvider(DateTimeOffset start)
    {
        _now = start;
    }

    /// <summary>Timers created so far (armed or not, not disposed).</summary>
    public int TimerCount
    {
        get
        {
            lock (_gate)
            {
                return _timers.Count;
            }
        }
    }

    /// <summary>Timers that are armed.</summary>
    public int ArmedTimerCount
    {
        get
        {
            lock (_gate)
            {
                var count = 0;
                foreach (var timer in _timers)
                {
                    if (timer.Due is not null)
                    {
                        count++;
                    }
                }

                return count;
            }
        }
    }

    /// <summary>How many timer callbacks ran.</summary>
    public int Fired { get; private set; }

    public override DateTimeOffset GetUtcNow()
    {
        lock (_gate)
        {
            return _now;
        }
    }

    /// <summary>Timestamps follow the manual clock too, so durations measured through this provider are the time a test advanced.</summary>
    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override long GetTimestamp() => GetUtcNow().UtcTicks;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new ManualTimer(this, callback, state);
        lock (_gate)
        {
            _timers.Add(timer);
        }

        timer.Change(dueTime, period);
        return timer;
    }

    /// <summary>Moves the clock forward by <paramref name="by"/>, firing every timer that falls due on the way.</summary>
    public void Advance(TimeSpan by)
    {
        if (by < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(by), "Time only moves forward.");
        }

        DateTimeOffset target;
        lock (_gate)
        {
            target = _now + by;
        }

        while (true)
        {
            ManualTimer? next = null;
            lock (_gate)
            {
                foreach (var timer in _timers)
                {
                    if (timer.Due is { } due && due <= target && (next is null || due < next.Due!.Value))
                    {
                        next = timer;
                    }
                }

                if (next is null)
                {
                    _now = target;
                    return;
                }

                _now = next.Due!.Value;
                next.Due = next.Period is { } period ? _now + period : null;
            }

            // Outside the lock: the callback reads the clock and re-arms timers.
            Fired++;
            next.Callback(next.State);
        }
    }

    /// <summary>Moves the clock to <paramref name="at"/>, firing timers on the way.</summary>
    public void AdvanceTo(DateTimeOffset at) => Advance(at - GetUtcNow());

    private void Remove(ManualTimer timer)
    {
        lock (_gate)
        {
            _timers.Remove(timer);
        }
    }

    private sealed class ManualTimer : ITimer
    {
        private readonly ManualTimeProvider _owner;

        public ManualTimer(ManualTimeProvider owner, TimerCallback callback, object? state)
        {
            _owner = owner;
            Callback = callback;
            State = state;
        }

        public TimerCallback Callback { get; }

        public object? State { get; }

        public DateTimeOffset? Due { get; set; }

        public TimeSpan? Period { get; set; }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            lock (_owner._gate)
            {
                Due = dueTime == Timeout.InfiniteTimeSpan ? null : _owner._now + dueTime;
                Period = period == Timeout.InfiniteTimeSpan || period == TimeSpan.Zero ? null : period;
            }

            return true;
        }

        public void Dispose() => _owner.Remove(this);

        public ValueTask DisposeAsync()
        {
            Dispose();
            return default;
        }
    }
}
