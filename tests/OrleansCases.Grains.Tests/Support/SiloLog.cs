using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Xunit;

namespace OrleansCases.Grains.Tests.Support;

/// <summary>
/// The grains' log lines of every silo of a fixture, as events a test can await: what a reminder's tick did when it
/// publishes nothing (an escalation reminder removed, a region's audit swept).
/// </summary>
public sealed class SiloLog : ILoggerProvider
{
    private readonly ConcurrentQueue<LogLine> _lines = new();
    private event Action<LogLine>? Written;

    public ILogger CreateLogger(string categoryName) => new Logger(this);

    /// <summary>The first line of <paramref name="eventName"/> whose values satisfy <paramref name="match"/>, awaited until <paramref name="timeout"/>.</summary>
    public async Task<LogLine> WaitForAsync(string eventName, Func<IReadOnlyDictionary<string, object?>, bool> match, TimeSpan timeout)
    {
        var found = new TaskCompletionSource<LogLine>(TaskCreationOptions.RunContinuationsAsynchronously);
        void Check(LogLine line)
        {
            if (line.EventName == eventName && match(line.Values))
            {
                found.TrySetResult(line);
            }
        }

        Written += Check;
        try
        {
            foreach (var line in _lines)
            {
                Check(line);
            }

            return await found.Task.WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            Assert.Fail($"No {eventName} logged within {timeout.TotalSeconds} s.");
            throw;
        }
        finally
        {
            Written -= Check;
        }
    }

    public void Dispose()
    {
    }

    private void Add(LogLine line)
    {
        _lines.Enqueue(line);
        Written?.Invoke(line);
    }

    private sealed class Logger(SiloLog log) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var values = state is IEnumerable<KeyValuePair<string, object?>> pairs ? pairs.ToDictionary(p => p.Key, p => p.Value) : [];
            log.Add(new LogLine(eventId.Name, values));
        }
    }
}

/// <summary>One log line: its event's name and its structured values.</summary>
public sealed record LogLine(string? EventName, IReadOnlyDictionary<string, object?> Values);
