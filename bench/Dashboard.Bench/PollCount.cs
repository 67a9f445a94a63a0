namespace Dashboard.Bench;

/// <summary>The commands the app sent Redis over <see cref="Polls"/> whole polls, by name, and those its scripts ran.</summary>
internal sealed record PollCount(int Polls, int Commands, int Scripted, IReadOnlyDictionary<string, int> ByName)
{
    public double PerPoll => Commands / (double)Polls;

    public string Describe() => string.Join(", ", ByName.OrderByDescending(pair => pair.Value).Select(pair => $"{pair.Key} {pair.Value}"));
}
