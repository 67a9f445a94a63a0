using Dashboard.Core.History;
using Dashboard.Data.History;
using Dashboard.Ranges;

namespace Dashboard.Web.Live;

/// <summary>
/// Range questions for the pages (peak, average, trend of a scope over the range in the URL), read from history
/// once per poll per distinct question, whatever the number of viewers.
/// </summary>
public sealed class HistoryReads(HistoryQueries queries, PerformanceQueries performance, PerPollCache cache, TimeProvider time)
{
    /// <summary>The platform's response times minute by minute over the range; empty when the range is refused.</summary>
    public Task<IReadOnlyList<LatencyMinute>> LatencyAsync(string start, string end) =>
        cache.GetAsync(("latency", start, end), async () =>
            TimeRange.TryParse(start, end, time.GetUtcNow(), out var range, out _)
                ? [.. (await performance.GetOverallAsync(range, CancellationToken.None)).Select(LatencyMinute.From)]
                : (IReadOnlyList<LatencyMinute>)[]);

    public Task<RangeSummary> SummaryAsync(HistoryScope scope, string start, string end) =>
        cache.GetAsync(("history", scope, start, end), async () =>
        {
            if (!TimeRange.TryParse(start, end, time.GetUtcNow(), out var range, out var error))
            {
                return RangeSummary.Refused(error);
            }

            var peak = await queries.GetPeakAsync(scope, range, CancellationToken.None);
            var average = await queries.GetAverageAsync(scope, range, CancellationToken.None);
            var trend = await queries.GetTrendAsync(scope, range, CancellationToken.None);
            return new RangeSummary(range, peak, average, trend, null);
        });
}
