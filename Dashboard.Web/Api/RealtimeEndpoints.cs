using System.Globalization;
using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using Dashboard.Core.Configuration;
using Dashboard.Web.Api.Contracts;
using Dashboard.Web.Live;
using Dashboard.Web.Realtime;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Api;

/// <summary><c>GET realtime</c>: server-sent events, one per poll, straight from the hub.</summary>
public static class RealtimeEndpoints
{
    /// <summary>
    /// The event type of the keep-alive sent between polls. .NET's SSE writer cannot write comment lines, so it is an
    /// event of its own type, which <c>EventSource.onmessage</c> ignores.
    /// </summary>
    public const string KeepAliveEvent = "keep-alive";

    public static RouteGroupBuilder MapRealtimeEndpoints(this RouteGroupBuilder group)
    {
        group.MapGet("/realtime", Stream)
            .Produces(StatusCodes.Status200OK, contentType: "text/event-stream")
            .Produces<ApiError>(StatusCodes.Status503ServiceUnavailable)
            .WithSummary("Real-time stream: one event per poll (server-sent events)");
        return group;
    }

    private static Results<ServerSentEventsResult<RealtimeEvent?>, JsonHttpResult<ApiError>> Stream(
        HttpContext context, MetricsHub hub, RealtimeConnections connections, IOptions<RealtimeOptions> realtime,
        IOptions<TrackingOptions> tracking, TimeProvider time, CancellationToken cancellationToken)
    {
        var client = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        var place = connections.TryOpen(client);
        if (place is null)
        {
            var retryAfter = (int)realtime.Value.RetryAfter.TotalSeconds;
            context.Response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
            return ApiResults.Error(StatusCodes.Status503ServiceUnavailable, "Too many realtime streams",
                $"This instance has as many streams open as it keeps ({RealtimeOptions.SectionName}); try again in {retryAfter} s.");
        }

        return TypedResults.ServerSentEvents(Events(hub, place, tracking.Value.PollInterval / 2, time, cancellationToken));
    }

    internal static async IAsyncEnumerable<SseItem<RealtimeEvent?>> Events(
        MetricsHub hub, IDisposable place, TimeSpan keepAlive, TimeProvider time, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        await using var polls = hub.WatchAsync(stop.Token).GetAsyncEnumerator(stop.Token);
        var next = polls.MoveNextAsync().AsTask();
        try
        {
            while (true)
            {
                var idle = Task.Delay(keepAlive, time, cancellationToken);
                if (await Task.WhenAny(next, idle) == idle)
                {
                    if (idle.IsCanceled)
                    {
                        yield break;
                    }

                    yield return new SseItem<RealtimeEvent?>(null, KeepAliveEvent);
                    continue;
                }

                if (!await SucceededAsync(next))
                {
                    yield break;
                }

                yield return new SseItem<RealtimeEvent?>(RealtimeEvent.From(polls.Current));
                next = polls.MoveNextAsync().AsTask();
            }
        }
        finally
        {
            // The client left while a read of the hub was pending: an async iterator refuses to be disposed then
            // (NotSupportedException, logged for every disconnect, and its hub subscription kept). End that read first.
            await stop.CancelAsync();
            await SucceededAsync(next);
            place.Dispose();
        }
    }

    // The client went away (cancelled) or the hub's stream ended: either way the response ends cleanly.
    private static async Task<bool> SucceededAsync(Task<bool> moveNext)
    {
        try
        {
            return await moveNext;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
