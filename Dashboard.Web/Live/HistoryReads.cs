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
    /// <summary>
    /// The platform's (or one module's) response times minute by minute over the range, with the range as parsed; no range when it is
    /// refused.
    /// </summary>
    public Task<LatencyRange> LatencyAsync(string start, string end, string? module = null) =>
        cache.GetAsync(("latency", start, end, module), async () =>
            TimeRange.TryParse(start, end, time.GetUtcNow(), out var range, out _)
                ? new LatencyRange(range, [.. (await performance.GetMinutesAsync(range, module, CancellationToken.None)).Select(LatencyMinute.From)])
                : new LatencyRange(null, []));

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
            var previous = await queries.GetTrendAsync(scope, range.Previous, CancellationToken.None);
            return new RangeSummary(range, peak, average, trend, null, previous);
        });
}
