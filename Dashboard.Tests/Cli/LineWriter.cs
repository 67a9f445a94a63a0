using System.Text;

namespace Dashboard.Tests.Cli;

/// <summary>
/// A writer a command can write to from any thread while the test waits for a line it expects, for commands that
/// run until cancelled (monitor).
/// </summary>
internal sealed class LineWriter : TextWriter
{
    private readonly Lock _lock = new();
    private readonly StringBuilder _text = new();
    private readonly List<(Func<string, bool> Match, TaskCompletionSource<string> Found)> _waiters = [];

    public override Encoding Encoding => Encoding.UTF8;

    public IReadOnlyList<string> Lines
    {
        get
        {
            lock (_lock)
            {
                return CompleteLines();
            }
        }
    }

    public override void Write(char value)
    {
        lock (_lock)
        {
            _text.Append(value);
            if (value == '\n')
            {
                Notify();
            }
        }
    }

    public override void Write(string? value)
    {
        lock (_lock)
        {
            _text.Append(value);
            if (value?.Contains('\n', StringComparison.Ordinal) == true)
            {
                Notify();
            }
        }
    }

    /// <summary>The first complete line that matches, as soon as one is written.</summary>
    public Task<string> WaitForLineAsync(Func<string, bool> match)
    {
        var found = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_lock)
        {
            _waiters.Add((match, found));
            Notify();
        }

        return found.Task;
    }

    public override string ToString()
    {
        lock (_lock)
        {
            return _text.ToString();
        }
    }

    private List<string> CompleteLines()
    {
        var text = _text.ToString();
        var end = text.LastIndexOf('\n');
        return end < 0 ? [] : [.. text[..end].Split('\n').Select(line => line.TrimEnd('\r'))];
    }

    private void Notify()
    {
        var lines = CompleteLines();
        foreach (var waiter in _waiters.ToList())
        {
            if (lines.FirstOrDefault(waiter.Match) is { } line)
            {
                _waiters.Remove(waiter);
                waiter.Found.TrySetResult(line);
            }
        }
    }
}
