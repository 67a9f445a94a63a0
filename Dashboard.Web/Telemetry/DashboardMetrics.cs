using System.Diagnostics.Metrics;
using Dashboard.Core.Alerts;
using Dashboard.Core.Leases;
using Dashboard.Core.Persistence;
using Dashboard.Web.Live;

namespace Dashboard.Web.Telemetry;

/// <summary>
/// The dashboard's own instruments, on the meter <see cref="MeterName"/> that <c>/metrics</c> and OTLP export. What a
/// poll already knows (users, sessions, open alerts) is observed from the latest poll, so a scrape costs no store read;
/// what happens per request is counted where it happens.
/// </summary>
public sealed class DashboardMetrics
{
    public const string MeterName = "Dashboard";

    /// <summary>Modules with their own series: the most used ones, so a platform with thousands of modules has a bounded number of series.</summary>
    public const int TopModules = 10;

    public DashboardMetrics(IMeterFactory meters, MetricsHub hub, SessionUpdateQueue sessionQueue, JobLeases leases)
    {
        var meter = meters.Create(MeterName);
        TrackRequests = meter.CreateCounter<long>(
            "dashboard.track.requests", "{request}", "Track requests (single and batch) by outcome: accepted, invalid, rate_limited, store_unavailable, refused, error.");
        TrackEvents = meter.CreateCounter<long>(
            "dashboard.track.events", "{event}", "Tracked activities by outcome: accepted, invalid, rate_limited (a batch over its tokens), store_unavailable.");
        TrackDuration = meter.CreateHistogram<double>(
            "dashboard.track.duration", "s", "How long track requests took to answer, by outcome.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5] });
        PollDuration = meter.CreateHistogram<double>(
            "dashboard.poll.duration", "s", "How long one poll of the live store (with history and alerts) took.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10] });
        RateLimitRejections = meter.CreateCounter<long>(
            "dashboard.rate_limit.rejections", "{request}", "Requests refused with 429 by limit: ingest, beacon, read, sign_in.");
        WebhookDeliveries = meter.CreateCounter<long>(
            "dashboard.webhook.deliveries", "{delivery}", "Alert webhook deliveries by outcome: delivered, gave_up.");

        meter.CreateObservableGauge("dashboard.users.concurrent", () => Observe(hub, snapshot => snapshot.ConcurrentUsers),
            "{user}", "Users active within the activity window, at the latest poll.");
        meter.CreateObservableGauge("dashboard.sessions.active", () => Observe(hub, snapshot => snapshot.ActiveSessions),
            "{session}", "Active sessions at the latest poll.");
        meter.CreateObservableGauge("dashboard.module.users", () => ModuleUsers(hub),
            "{user}", $"Users per module at the latest poll, for the {TopModules} most used modules only.");
        meter.CreateObservableGauge("dashboard.alerts.open", () => OpenAlerts(hub),
            "{alert}", "Alerts not yet resolved, by severity, as the latest poll read them.");
        meter.CreateObservableGauge("dashboard.session_queue.depth", () => sessionQueue.Count,
            "{update}", "Session updates waiting to be written to the database.");
        meter.CreateObservableCounter("dashboard.session_queue.dropped", () => sessionQueue.Dropped,
            "{update}", "Session updates dropped because the queue to the database was full, since start.");
        meter.CreateObservableGauge("dashboard.job.lease.held", () => Leases(leases),
            null, "1 when this instance holds the job's lease (and runs it), 0 when another does.");
    }

    public Counter<long> TrackRequests { get; }

    public Counter<long> TrackEvents { get; }

    public Histogram<double> TrackDuration { get; }

    public Histogram<double> PollDuration { get; }

    public Counter<long> RateLimitRejections { get; }

    public Counter<long> WebhookDeliveries { get; }

    private static IEnumerable<Measurement<long>> Observe(MetricsHub hub, Func<Core.Tracking.LiveSnapshot, long> value) =>
        hub.Latest?.Snapshot is { } snapshot ? [new Measurement<long>(value(snapshot))] : [];

    private static IEnumerable<Measurement<long>> ModuleUsers(MetricsHub hub) =>
        (hub.Latest?.Snapshot?.Modules ?? []).Take(TopModules)
            .Select(module => new Measurement<long>(module.Users, new KeyValuePair<string, object?>("module", module.Id)));

    private static IEnumerable<Measurement<int>> OpenAlerts(MetricsHub hub) =>
        (hub.Latest?.OpenAlerts ?? new Dictionary<AlertSeverity, int>())
            .Select(pair => new Measurement<int>(pair.Value, new KeyValuePair<string, object?>("severity", pair.Key.ToString().ToLowerInvariant())));

    private static IEnumerable<Measurement<int>> Leases(JobLeases leases)
    {
        var held = leases.Held;
        return JobNames.All.Select(job => new Measurement<int>(held.Contains(job) ? 1 : 0, new KeyValuePair<string, object?>("job", job)));
    }
}
