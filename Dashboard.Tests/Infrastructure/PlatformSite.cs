using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;

namespace Dashboard.Tests.Infrastructure;

/// <summary>
/// The platform whose users are counted, as far as the tracker sees it: a static server on a second loopback origin
/// that serves the pages a test gives it. It answers on <see cref="Origin"/> (127.0.0.1) and on <see cref="OtherOrigin"/>
/// (localhost, the same port): to a browser these are two origins, so one server tests an allowed and a refused one.
/// </summary>
internal sealed class PlatformSite : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, string> _pages = new();
    private readonly WebApplication _app;

    private PlatformSite(WebApplication app, int port)
    {
        _app = app;
        var text = port.ToString(CultureInfo.InvariantCulture);
        Origin = new Uri($"http://127.0.0.1:{text}");
        OtherOrigin = new Uri($"http://localhost:{text}");
    }

    public Uri Origin { get; }

    public Uri OtherOrigin { get; }

    /// <summary>Started on a free port, before the dashboard, so that the dashboard's settings can name its origin.</summary>
    public static async Task<PlatformSite> StartAsync()
    {
        var port = FreePort.Next();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://localhost:{port.ToString(CultureInfo.InvariantCulture)}");
        var app = builder.Build();
        var site = new PlatformSite(app, port);
        app.MapGet("/{page}", (string page) => site._pages.TryGetValue(page, out var html)
            ? Results.Content(html, "text/html; charset=utf-8")
            : Results.NotFound());
        await app.StartAsync();
        return site;
    }

    /// <summary>A page at <c>/{name}</c> that embeds the dashboard's snippet with these <c>data-</c> attributes.</summary>
    public void ServeTrackedPage(string name, Uri dashboard, IReadOnlyDictionary<string, string> data)
    {
        var attributes = string.Join(' ', data.Select(pair => $"data-{pair.Key}=\"{pair.Value}\""));
        _pages[name] = $"""
            <!doctype html>
            <html><head><title>{name}</title>
            <script src="{new Uri(dashboard, "/tracker.js")}" {attributes} defer></script>
            </head><body><h1>A page of the platform</h1></body></html>
            """;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
