using System.Collections.Concurrent;

namespace OrleansCases.Testing;

/// <summary>
/// The last lines a child process wrote (its stdout and stderr as they come), for a failing test's message: a
/// process that runs for minutes writes more than a message should hold.
/// </summary>
public sealed class OutputTail(int capacity)
{
    private readonly ConcurrentQueue<string> _lines = new();

    /// <summary>Keeps <paramref name="line"/>, dropping the oldest beyond the capacity; null (a stream's end) is ignored.</summary>
    public void Add(string? line)
    {
        if (line is null)
        {
            return;
        }

        _lines.Enqueue(line);
        while (_lines.Count > capacity)
        {
            _lines.TryDequeue(out _);
        }
    }

    /// <summary>The kept lines, oldest first, one a line.</summary>
    public override string ToString() => string.Join('\n', _lines);
}
