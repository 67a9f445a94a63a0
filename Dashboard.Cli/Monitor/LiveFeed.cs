using System.Net;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Dashboard.Client;

namespace Dashboard.Cli.Monitor;

/// <summary>
/// Live updates for <c>monitor</c>: the realtime stream while it works (one update per server poll), polling the
/// metrics every interval once it does not (a proxy that buffers or blocks event streams, an older server).
/// </summary>
internal sealed class LiveFeed(ConcurrentUsersClient client, TimeSpan interval, TimeProvider time, Action<string> onFallback)
{
    public async IAsyncEnumerable<RealtimeUpdate> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var streaming = true;
        while (streaming)
        {
            var updates = client.WatchAsync(cancellationToken).GetAsyncEnumerator(cancellationToken);
            try
            {
                while (true)
                {
                    try
                    {
                        if (!await updates.MoveNextAsync().ConfigureAwait(false))
                        {
                            break;
                        }
                    }
                    catch (Exception exception) when (IsStreamFailure(exception, cancellationToken))
                    {
                        onFallback($"Realtime stream unavailable ({exception.Message}); polling every {interval.TotalSeconds:0.#} s.");
                        streaming = false;
                        break;
                    }

                    yield return updates.Current;
                }
            }
            finally
            {
                await updates.DisposeAsync().ConfigureAwait(false);
            }

            if (streaming)
            {
                // The server ended the stream (a restart, a proxy's idle limit): reconnect after a pause.
                await Task.Delay(interval, time, cancellationToken).ConfigureAwait(false);
            }
        }

        while (true)
        {
            yield return await PollAsync(cancellationToken).ConfigureAwait(false);
            await Task.Delay(interval, time, cancellationToken).ConfigureAwait(false);
        }
    }

    // A live store that is down is an update to show, as the stream shows it, not a reason to stop watching.
    private async Task<RealtimeUpdate> PollAsync(CancellationToken cancellationToken)
    {
        try
        {
            var metrics = await client.GetMetricsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            return new RealtimeUpdate(metrics.ConcurrentUsers, metrics.ActiveSessions, metrics.Timestamp, metrics.Modules, null);
        }
        catch (ConcurrentUsersApiException exception) when (exception.StatusCode == HttpStatusCode.ServiceUnavailable)
        {
            return new RealtimeUpdate(0, 0, time.GetUtcNow(), [], exception.Details ?? exception.Message);
        }
    }

    // A server that cannot be reached at all will not answer polls either: that ends the monitor (exit 2) instead.
    private static bool IsStreamFailure(Exception exception, CancellationToken cancellationToken) =>
        !cancellationToken.IsCancellationRequested && exception switch
        {
            HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError } => false,
            HttpRequestException or IOException or JsonException or ConcurrentUsersApiException or OperationCanceledException => true,
            _ => false,
        };
}
