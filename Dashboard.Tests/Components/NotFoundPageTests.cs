using System.Net;
using Dashboard.Tests.Infrastructure;

namespace Dashboard.Tests.Components;

/// <summary>Unknown addresses through the whole pipeline: pages get the app's Not found page, the API its envelope.</summary>
public sealed class NotFoundPageTests : IAsyncLifetime
{
    private readonly DashboardApp _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task UnknownPage_Is404WithTheAppsNotFoundPageInItsLayout()
    {
        using var client = _app.CreateClient(TestApiKeys.Viewer);

        var response = await client.GetAsync("/no-such-page");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"not-found\"", html);
        Assert.Contains("There is no page at /no-such-page.", html);
        Assert.Contains("mud-appbar", html);
    }

    [Fact]
    public async Task UnknownApiPath_KeepsTheJsonEnvelope()
    {
        using var client = _app.CreateClient(TestApiKeys.Viewer);

        var response = await client.GetAsync($"{DashboardApp.Api}/no-such-operation");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
    }
}
