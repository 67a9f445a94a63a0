using System.IO.Compression;
using System.Net;
using Dashboard.Tests.Infrastructure;

namespace Dashboard.Tests.Tracker;

/// <summary><c>GET /tracker.js</c>: small, for anyone, cached briefly and revalidated by its ETag.</summary>
public sealed class TrackerScriptTests : IAsyncLifetime
{
    private readonly DashboardApp _app = new();
    private HttpClient _page = null!;

    public Task InitializeAsync()
    {
        _page = _app.CreateClient(apiKey: null);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        _page.Dispose();
        await _app.DisposeAsync();
    }

    [Fact]
    public async Task Get_Anonymous_AnswersJavaScriptOfAtMost2KbGzippedWithAShortCache()
    {
        var response = await _page.GetAsync("/tracker.js");
        var script = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/javascript", response.Content.Headers.ContentType?.MediaType);
        Assert.True(Gzipped(script) <= 2048, $"tracker.js is {Gzipped(script)} bytes gzipped.");
        Assert.True(response.Headers.CacheControl is { Public: true, MaxAge.TotalMinutes: <= 5 }, response.Headers.CacheControl?.ToString());
        Assert.NotNull(response.Headers.ETag);
    }

    [Fact]
    public async Task Get_IfNoneMatchTheETag_Answers304()
    {
        var first = await _page.GetAsync("/tracker.js");
        using var again = new HttpRequestMessage(HttpMethod.Get, "/tracker.js");
        again.Headers.IfNoneMatch.Add(first.Headers.ETag!);

        var second = await _page.SendAsync(again);

        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
        Assert.Empty(await second.Content.ReadAsByteArrayAsync());
    }

    private static long Gzipped(byte[] content)
    {
        using var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            gzip.Write(content);
        }

        return compressed.Length;
    }
}
