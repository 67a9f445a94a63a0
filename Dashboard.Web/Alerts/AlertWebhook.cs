using System.Text.Json;
using System.Threading.Channels;
using Dashboard.Core.Alerts;
using Dashboard.Core.Configuration;
using Dashboard.Web.Telemetry;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Alerts;

/// <summary>
/// Posts fired and resolved alerts as JSON to <c>Dashboard:Alerts:WebhookUrl</c>, in order, retrying a failed
/// delivery with backoff so that a receiver that is briefly down still hears of every alert.
/// </summary>
public sealed partial class AlertWebhook(
    IHttpClientFactory http,
    IOptions<AlertOptions> options,
    DashboardMetrics metrics,
    TimeProvider time,
    ILogger<AlertWebhook> logger) : BackgroundService
{
    public const int MaxAttempts = 6;
    public static readonly TimeSpan FirstRetryDelay = TimeSpan.FromSeconds(1);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    private readonly Channel<AlertRecord> _pending = Channel.CreateBounded<AlertRecord>(
        new BoundedChannelOptions(1000) { FullMode = BoundedChannelFullMode.DropOldest });

    public void Announce(AlertRecord alert)
    {
        if (!string.IsNullOrEmpty(options.Value.WebhookUrl))
        {
            _pending.Writer.TryWrite(alert);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var alert in _pending.Reader.ReadAllAsync(stoppingToken))
        {
            await DeliverAsync(alert, stoppingToken);
        }
    }

    private async Task DeliverAsync(AlertRecord alert, CancellationToken cancellationToken)
    {
        var body = new { Event = alert.Status == AlertStatus.Resolved ? "resolved" : "fired", Alert = alert };
        var delay = FirstRetryDelay;
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            try
            {
                using var client = http.CreateClient(nameof(AlertWebhook));
                using var response = await client.PostAsJsonAsync(options.Value.WebhookUrl, body, Json, cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    metrics.WebhookDeliveries.Add(1, new KeyValuePair<string, object?>("outcome", "delivered"));
                    return;
                }

                LogAttemptFailed(logger, alert.Id, attempt, $"HTTP {(int)response.StatusCode}");
            }
            catch (HttpRequestException exception)
            {
                LogAttemptFailed(logger, alert.Id, attempt, exception.Message);
            }

            if (attempt < MaxAttempts)
            {
                await Task.Delay(delay, time, cancellationToken);
                delay *= 2;
            }
        }

        metrics.WebhookDeliveries.Add(1, new KeyValuePair<string, object?>("outcome", "gave_up"));
        LogGaveUp(logger, alert.Id, MaxAttempts);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Alert webhook for alert {AlertId} failed (attempt {Attempt}): {Reason}")]
    private static partial void LogAttemptFailed(ILogger logger, long alertId, int attempt, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Alert webhook for alert {AlertId} gave up after {Attempts} attempts")]
    private static partial void LogGaveUp(ILogger logger, long alertId, int attempts);
}
