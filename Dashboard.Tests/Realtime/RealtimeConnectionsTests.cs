using Dashboard.Web.Realtime;
using Microsoft.Extensions.Options;

namespace Dashboard.Tests.Realtime;

public sealed class RealtimeConnectionsTests
{
    private readonly RealtimeConnections _connections =
        new(Options.Create(new RealtimeOptions { MaxConnections = 3, MaxConnectionsPerClient = 2 }));

    [Fact]
    public void TryOpen_PastThePerClientCap_IsRefusedForThatClientOnly()
    {
        Assert.NotNull(_connections.TryOpen("10.0.0.1"));
        Assert.NotNull(_connections.TryOpen("10.0.0.1"));

        Assert.Null(_connections.TryOpen("10.0.0.1"));
        Assert.NotNull(_connections.TryOpen("10.0.0.2"));
    }

    [Fact]
    public void TryOpen_PastTheOverallCap_IsRefusedForEveryClient()
    {
        Assert.NotNull(_connections.TryOpen("10.0.0.1"));
        Assert.NotNull(_connections.TryOpen("10.0.0.2"));
        Assert.NotNull(_connections.TryOpen("10.0.0.3"));

        Assert.Null(_connections.TryOpen("10.0.0.4"));
    }

    [Fact]
    public void Dispose_OfAPlace_FreesItOnce()
    {
        var place = _connections.TryOpen("10.0.0.1")!;
        _connections.TryOpen("10.0.0.1");

        place.Dispose();
        place.Dispose();

        Assert.Equal(1, _connections.Open);
        Assert.NotNull(_connections.TryOpen("10.0.0.1"));
        Assert.Null(_connections.TryOpen("10.0.0.1"));
    }

    [Fact]
    public void Validate_PerClientCapAboveTheOverallOne_IsRefused()
    {
        var result = new RealtimeOptionsValidator().Validate(null, new RealtimeOptions { MaxConnections = 2, MaxConnectionsPerClient = 3 });

        Assert.True(result.Failed);
    }
}
