namespace Dashboard.Core.Tracking.InProcess;

/// <summary>Members with the time they were last seen, in Unix milliseconds: the in-process twin of a Redis sorted set.</summary>
internal sealed class LastSeenSet
{
    private readonly Dictionary<string, long> _lastSeen = new(StringComparer.Ordinal);

    public bool IsEmpty => _lastSeen.Count == 0;

    /// <summary>Moves a member's time forward, never back (Redis: ZADD GT).</summary>
    public void Touch(string member, long at)
    {
        if (!_lastSeen.TryGetValue(member, out var previous) || at > previous)
        {
            _lastSeen[member] = at;
        }
    }

    /// <summary>Sets a member's time, or removes it when there is none left.</summary>
    public void Set(string member, long? at)
    {
        if (at is { } value)
        {
            _lastSeen[member] = value;
        }
        else
        {
            _lastSeen.Remove(member);
        }
    }

    public long CountSince(long cutoff) => _lastSeen.Values.Count(at => at >= cutoff);

    public IEnumerable<string> MembersSince(long cutoff) =>
        _lastSeen.Where(entry => entry.Value >= cutoff).Select(entry => entry.Key);

    public int RemoveBefore(long cutoff)
    {
        var expired = _lastSeen.Where(entry => entry.Value < cutoff).Select(entry => entry.Key).ToList();
        expired.ForEach(member => _lastSeen.Remove(member));
        return expired.Count;
    }
}
