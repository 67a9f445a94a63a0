using Bunit;
using Dashboard.Tests.Infrastructure;
using Dashboard.Web.Components.Layout;
using Dashboard.Web.Components.Storage;
using Microsoft.AspNetCore.Components;

namespace Dashboard.Tests.Components;

public sealed class MainLayoutTests : DashboardComponentContext
{
    [Fact]
    public async Task ToggleTheme_BrowserChoseDark_RemembersLight()
    {
        Storage.Values[BrowserStorageKeys.Theme] = "dark";
        var layout = RenderInteractiveLayout(this);

        await layout.Find("[data-testid=theme-toggle]").ClickAsync(new());

        Assert.Equal("light", Storage.Values[BrowserStorageKeys.Theme]);
    }

    [Fact]
    public async Task ToggleTheme_FromLight_RemembersDarkInTheBrowser()
    {
        var layout = RenderInteractiveLayout(this);

        await layout.Find("[data-testid=theme-toggle]").ClickAsync(new());

        Assert.Equal("dark", Storage.Values[BrowserStorageKeys.Theme]);
    }

    [Fact]
    public void Render_BrowserInParis_ShowsTimesInItsZone()
    {
        JSInterop.SetupModule("./js/time-zone.js").Setup<string?>("browserTimeZone").SetResult("Europe/Paris");

        var layout = RenderInteractiveLayout(this);

        layout.WaitForAssertion(() => Assert.Equal("Europe/Paris", layout.Find("[data-testid=utc-toggle]").GetAttribute("data-zone")));
    }

    [Fact]
    public void Render_BrowserChoseUtc_ShowsUtcInAnyZone()
    {
        JSInterop.SetupModule("./js/time-zone.js").Setup<string?>("browserTimeZone").SetResult("Europe/Paris");
        Storage.Values[BrowserStorageKeys.TimeZone] = "utc";

        var layout = RenderInteractiveLayout(this);

        Assert.Equal("UTC", layout.Find("[data-testid=utc-toggle]").GetAttribute("data-zone"));
    }

    [Fact]
    public async Task ToggleUtc_FromTheBrowserZone_RemembersUtcInTheBrowser()
    {
        JSInterop.SetupModule("./js/time-zone.js").Setup<string?>("browserTimeZone").SetResult("Europe/Paris");
        var layout = RenderInteractiveLayout(this);
        layout.WaitForAssertion(() => Assert.Equal("Europe/Paris", layout.Find("[data-testid=utc-toggle]").GetAttribute("data-zone")));

        await layout.Find("[data-testid=utc-toggle]").ClickAsync(new());

        Assert.Equal("utc", Storage.Values[BrowserStorageKeys.TimeZone]);
        Assert.Equal("UTC", layout.Find("[data-testid=utc-toggle]").GetAttribute("data-zone"));
    }

    [Fact]
    public void Render_DemoOff_HasNoBanner()
    {
        var layout = RenderInteractiveLayout(this);

        Assert.Empty(layout.FindAll("[data-testid=demo-banner]"));
    }

    // The theme is read from the browser once the circuit is interactive.
    internal static IRenderedComponent<MainLayout> RenderInteractiveLayout(BunitContext context)
    {
        var layout = context.Render<MainLayout>(parameters =>
            parameters.Add(layout => layout.Body, (RenderFragment)(body => body.AddMarkupContent(0, "<p>page</p>"))));
        layout.WaitForAssertion(() => Assert.Equal("true", layout.Find("[data-interactive]").GetAttribute("data-interactive")));
        return layout;
    }
}
