using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Dashboard.Tests.Infrastructure;

namespace Dashboard.Tests.Transport;

/// <summary>
/// The client address behind a proxy: <c>X-Forwarded-For</c> counts only from an address of
/// <c>Dashboard:ForwardedHeaders:KnownProxies</c>; from anyone else the sender's own address is the client's. Real
/// sockets (the app as its own process): loopback 127.0.0.1 is the proxy, 127.0.0.2 a stranger on the same machine.
/// </summary>
public sealed class ForwardedHeadersTests(ForwardedHeadersTests.ProxiedApp proxied) : IClassFixture<ForwardedHeadersTests.ProxiedApp>
{
    [Fact]
    public async Task Beacon_ForwardedByAKnownProxy_IsCountedFromTheForwardedAddress()
    {
        Assert.Equal(HttpStatusCode.OK, await SendBeaconAsync(IPAddress.Loopback, "via-proxy", "203.0.113.7"));

        Assert.Equal("203.0.113.7", await AddressOfAsync("via-proxy"));
    }

    [Fact]
    public async Task Beacon_ForwardedBySomeoneElse_IsCountedFromTheSendersOwnAddress()
    {
        Assert.Equal(HttpStatusCode.OK, await SendBeaconAsync(IPAddress.Parse("127.0.0.2"), "spoofer", "203.0.113.8"));

        Assert.Equal("127.0.0.2", await AddressOfAsync("spoofer"));
    }

    private async Task<HttpStatusCode> SendBeaconAsync(IPAddress from, string user, string forwardedFor)
    {
        using var handler = new SocketsHttpHandler
        {
            ConnectCallback = async (context, cancellationToken) =>
            {
                var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
                socket.Bind(new IPEndPoint(from, 0));
                await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            },
        };
        using var client = new HttpClient(handler) { BaseAddress = proxied.App.Address };
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{DashboardApp.Api}/beacon?key={TestApiKeys.Site}")
        {
            Content = new StringContent(
                $$"""{"userId":"{{user}}","organizationId":"org-1","sessionId":"tab-{{user}}","moduleId":"tax"}""", Encoding.UTF8, "text/plain"),
        };
        request.Headers.Add("Origin", TestApiKeys.SiteOrigin);
        request.Headers.Add("X-Forwarded-For", forwardedFor);
        return (await client.SendAsync(request)).StatusCode;
    }

    private async Task<string?> AddressOfAsync(string user)
    {
        using var admin = proxied.App.CreateClient();
        string? address = null;
        await Eventually.HoldsAsync(
            async () =>
            {
                var body = await admin.GetFromJsonAsync<JsonElement>($"{DashboardApp.Api}/sessions");
                address = body.GetProperty("data").GetProperty("sessions").EnumerateArray()
                    .Where(session => session.GetProperty("user_id").GetString() == user)
                    .Select(session => session.GetProperty("ip_address").GetString())
                    .FirstOrDefault();
                return address is not null;
            },
            $"{user}'s session is listed");
        return address;
    }

    /// <summary>One app for the class: it believes the proxy at 127.0.0.1 only.</summary>
    public sealed class ProxiedApp : IAsyncLifetime
    {
        internal RunningApp App { get; private set; } = null!;

        public async Task InitializeAsync() =>
            App = await RunningApp.StartAsync(new Dictionary<string, string> { ["Dashboard:ForwardedHeaders:KnownProxies"] = "127.0.0.1" });

        public async Task DisposeAsync() => await App.DisposeAsync();
    }
}
