using Dashboard.Core.Persistence;

namespace Dashboard.Core.Tracking;

/// <summary>
/// The one way in for activity: validates every item, and only when all are valid hands them to the live store,
/// so a refused request writes nothing; the store refuses, as a whole too, activity for a session another user holds.
/// A module past the bound is counted under "other" (<see cref="ModuleBound"/>). Once the live store has them, the
/// activities are queued for the session table without waiting on the database.
/// </summary>
public sealed class ActivityTracker(ILiveStore store, ModuleBound modules, SessionUpdateQueue sessions)
{
    public const int MaxBatchSize = 1000;

    public Task<TrackResult> TrackAsync(ActivityEvent activity, CancellationToken cancellationToken) =>
        RecordIfValidAsync([activity], ActivityValidator.Validate(activity), (_, field) => field, cancellationToken);

    /// <summary>All or nothing: one invalid item refuses the batch, and each error names the item's index.</summary>
    public Task<TrackResult> TrackBatchAsync(IReadOnlyList<ActivityEvent> activities, CancellationToken cancellationToken)
    {
        if (activities.Count is 0 or > MaxBatchSize)
        {
            ValidationError[] sizeError = [new("activities", $"A batch holds 1 to {MaxBatchSize} activities; this one has {activities.Count}.")];
            return Task.FromResult(new TrackResult(0, sizeError));
        }

        var errors = activities
            .SelectMany((activity, index) => ActivityValidator.Validate(activity)
                .Select(error => error with { Field = ItemField(index, error.Field) }))
            .ToList();
        return RecordIfValidAsync(activities, errors, ItemField, cancellationToken);
    }

    private static string ItemField(int index, string field) => $"activities[{index}].{field}";

    private async Task<TrackResult> RecordIfValidAsync(
        IReadOnlyList<ActivityEvent> activities, IReadOnlyList<ValidationError> errors, Func<int, string, string> fieldOf,
        CancellationToken cancellationToken)
    {
        if (errors.Count > 0)
        {
            return new TrackResult(0, errors);
        }

        activities = await modules.ApplyAsync(activities, cancellationToken).ConfigureAwait(false);
        var taken = await store.RecordAsync(activities, cancellationToken).ConfigureAwait(false);
        if (taken.Count > 0)
        {
            return new TrackResult(0, [.. taken.Select(index => new ValidationError(
                fieldOf(index, "sessionId"), $"Session {activities[index].SessionId} belongs to another user."))], SessionTaken: true);
        }

        sessions.Enqueue(activities);
        return new TrackResult(activities.Count, []);
    }
}
