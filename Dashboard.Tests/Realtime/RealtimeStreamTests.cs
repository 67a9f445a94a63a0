using Dashboard.Web.Api;
using Dashboard.Web.Live;
using Dashboard.Web.Realtime;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Dashboard.Tests.Realtime;

public sealed class RealtimeStreamTests
{
    private readonly MetricsHub _hub = new();
    private readonly FakeTimeProvider _time = new();
    private readonly RealtimeConnections _connections = new(Options.Create(new RealtimeOptions()));

    [Fact]
    public async Task Events_ClientGoneAfterAKeepAlive_EndWithoutAnErrorAndLetGoOfHubAndPlace()
    {
        var events = RealtimeEndpoints.Events(_hub, _connections.TryOpen("127.0.0.1")!, TimeSpan.FromSeconds(5), _time, default)
            .GetAsyncEnumerator();
        var keepAlive = events.MoveNextAsync();
        _time.Advance(TimeSpan.FromSeconds(5));
        Assert.True(await keepAlive);
        Assert.Equal(RealtimeEndpoints.KeepAliveEvent, events.Current.EventType);

        // What the SSE writer does when a write fails because the client left: it stops and disposes the stream.
        await events.DisposeAsync();

        Assert.Equal((0, 0), (_hub.SubscriberCount, _connections.Open));
    }
}
