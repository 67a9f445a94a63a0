namespace Dashboard.Client;

/// <summary>How many activities a track call recorded.</summary>
public sealed record TrackResult(int Accepted);
