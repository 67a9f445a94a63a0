namespace Dashboard.Client;

/// <summary>The batch track body: <c>{ "activities": [...] }</c>.</summary>
internal sealed record TrackBatchBody(IReadOnlyCollection<UserActivity> Activities);
