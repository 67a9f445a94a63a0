using Dashboard.Core.Persistence;

namespace Dashboard.Core.Tracking;

/// <summary>
/// The one way in for activity: validates every item, and only when all are valid hands them to the live store,
/// so a refused request writes nothing. Once the live store has them, they are queued for the session table
/// without waiting on the database.
/// </summary>
public sealed class ActivityTracker(ILiveStore store, SessionUpdateQueue sessions)
{
    public const int MaxBatchSize = 1000;

    public Task<TrackResult> TrackAsync(ActivityEvent activity, CancellationToken cancellationToken) =>
        RecordIfValidAsync([activity], ActivityValidator.Validate(activity), cancellationToken);

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
                .Select(error => error with { Field = $"activities[{index}].{error.Field}" }))
            .ToList();
        return RecordIfValidAsync(activities, errors, cancellationToken);
    }

    private async Task<TrackResult> RecordIfValidAsync(
        IReadOnlyList<ActivityEvent> activities, IReadOnlyList<ValidationError> errors, CancellationToken cancellationToken)
    {
        if (errors.Count > 0)
        {
            return new TrackResult(0, errors);
        }

        await store.RecordAsync(activities, cancellationToken).ConfigureAwait(false);
        sessions.Enqueue(activities);
        return new TrackResult(activities.Count, []);
    }
}
