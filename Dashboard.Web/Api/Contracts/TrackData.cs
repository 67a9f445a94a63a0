namespace Dashboard.Web.Api.Contracts;

/// <summary>How many activities a track call recorded.</summary>
public sealed record TrackData(int Accepted);
