using Dashboard.Core.History;

namespace Dashboard.Core.Tracking;

/// <summary>
/// The 10-second samples of the last hour, kept beside the live store so every instance sees the same ones.
/// Each poll's snapshot becomes one sample of every scope in it; a module or organization missing from a poll counts
/// zero at that poll. Samples older than <see cref="LiveSample.Retention"/> before the newest are dropped.
/// </summary>
public interface ILiveSampleStore
{
    /// <summary>Stores the snapshot as a sample at its timestamp; appending the same snapshot again changes nothing.</summary>
    Task AppendAsync(LiveSnapshot snapshot, CancellationToken cancellationToken);

    /// <summary>One scope's samples taken in [since, until), oldest first.</summary>
    Task<IReadOnlyList<LiveSample>> ReadRangeAsync(
        HistoryScope scope, DateTimeOffset since, DateTimeOffset until, CancellationToken cancellationToken);

    /// <summary>The samples of every scope seen in [since, until), oldest first; always holds <see cref="HistoryScope.Overall"/>.</summary>
    Task<IReadOnlyDictionary<HistoryScope, IReadOnlyList<LiveSample>>> ReadAllScopesAsync(
        DateTimeOffset since, DateTimeOffset until, CancellationToken cancellationToken);
}
