using Dashboard.Web.Performance;

namespace Dashboard.Web.Api;

/// <summary>Times each API request and counts it, failed when it answered 5xx or threw.</summary>
public sealed class ApiLatencyFilter(ApiLatencies latencies, TimeProvider time) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var started = time.GetTimestamp();
        var failed = true;
        try
        {
            var result = await next(context);
            failed = result is IStatusCodeHttpResult { StatusCode: >= 500 };
            return result;
        }
        finally
        {
            latencies.Record(time.GetElapsedTime(started).TotalMilliseconds, failed);
        }
    }
}
