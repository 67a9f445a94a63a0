using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using Dashboard.Core.Configuration;
using Dashboard.Web.Api.Contracts;
using Dashboard.Web.Live;
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
            .WithSummary("Real-time stream: one event per poll (server-sent events)");
        return group;
    }

    private static ServerSentEventsResult<RealtimeEvent?> Stream(MetricsHub hub, IOptions<TrackingOptions> tracking, TimeProvider time, CancellationToken cancellationToken) =>
        TypedResults.ServerSentEvents(Events(hub, tracking.Value.PollInterval / 2, time, cancellationToken));

    private static async IAsyncEnumerable<SseItem<RealtimeEvent?>> Events(
        MetricsHub hub, TimeSpan keepAlive, TimeProvider time, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var polls = hub.WatchAsync(cancellationToken).GetAsyncEnumerator(cancellationToken);
        var next = polls.MoveNextAsync().AsTask();
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
