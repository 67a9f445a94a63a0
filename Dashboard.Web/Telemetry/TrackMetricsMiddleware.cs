namespace Dashboard.Web.Telemetry;

/// <summary>
/// Times each track request and counts it by outcome, from the status it answered: it sits outside the rate limiter
/// and authentication, so their refusals are counted as well as the endpoint's answers.
/// </summary>
public sealed class TrackMetricsMiddleware(RequestDelegate next, DashboardMetrics metrics, TimeProvider time)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var started = time.GetTimestamp();
        var outcome = "error";
        try
        {
            await next(context);
            outcome = Outcome(context.Response.StatusCode);
        }
        finally
        {
            var tag = new KeyValuePair<string, object?>("outcome", outcome);
            metrics.TrackRequests.Add(1, tag);
            metrics.TrackDuration.Record(time.GetElapsedTime(started).TotalSeconds, tag);
        }
    }

    public static string Outcome(int status) => status switch
    {
        < 400 => "accepted",
        StatusCodes.Status401Unauthorized or StatusCodes.Status403Forbidden => "refused",
        StatusCodes.Status429TooManyRequests => "rate_limited",
        StatusCodes.Status503ServiceUnavailable => "store_unavailable",
        < 500 => "invalid",
        _ => "error",
    };
}
