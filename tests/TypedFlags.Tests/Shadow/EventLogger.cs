using System;
using System.Collections.Generic;
using Microsoft.Extensions.Logging;

namespace TypedFlags.Tests.Shadow;

/// <summary>Captures log entries with their event id and structured values, to assert the shadow-run events.</summary>
internal sealed class EventLogger : ILogger
{
    private readonly object _gate = new();
    private readonly List<Entry> _entries = new();

    public IReadOnlyList<Entry> Entries
    {
        get
        {
            lock (_gate)
            {
                return _entries.ToArray();
            }
        }
    }

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        var values = new Dictionary<string, object?>();
        if (state is IEnumerable<KeyValuePair<string, object?>> pairs)
        {
            foreach (var pair in pairs)
            {
                values[pair.Key] = pair.Value;
            }
        }

        lock (_gate)
        {
            _entries.Add(new Entry(logLevel, eventId, formatter(state, exception), values, exception));
        }
    }

    internal sealed record Entry(LogLevel Level, EventId EventId, string Message, IReadOnlyDictionary<string, object?> Values, Exception? Exception);
}
