namespace Dashboard.Bench;

/// <summary>
/// The commands the app sent Redis over <see cref="Polls"/> whole polls, by name, and those its scripts ran; what the
/// Redis client sent on its own timers is counted apart (<see cref="ClientTimers"/>), as it falls in a window or not.
/// </summary>
internal sealed record PollCount(int Polls, int Commands, int Scripted, IReadOnlyDictionary<string, int> ByName, IReadOnlyDictionary<string, int> ClientTimers)
{
    public double PerPoll => Commands / (double)Polls;

    public string Describe() => string.Join(", ", ByName.OrderByDescending(pair => pair.Value).Select(pair => $"{pair.Key} {pair.Value}")) +
        (ClientTimers.Count == 0 ? "" : "; apart, the client's own timers: " + string.Join(", ", ClientTimers.Select(pair => $"{pair.Key} {pair.Value}")));
}
