using Dashboard.Web.Demo;
using Dashboard.Web.Components.Formatting;
using Dashboard.Web.Components.Storage;

namespace Dashboard.Web.Components.Layout;

public sealed partial class MainLayout
{
    private bool _drawerOpen = true;
    private const string Utc = "utc";

    private bool _isDarkMode;

    // Times are shown in UTC until the browser has said its zone (prerendering cannot know it).
    private DisplayFormat _format = DisplayFormat.Utc;
    private TimeZoneInfo _browserZone = TimeZoneInfo.Utc;

    // Set once the circuit is live: before that the page is prerendered HTML, and clicks do nothing.
    private bool _interactive;

    [Inject]
    public required ILocalStorage Storage { get; init; }

    [Inject]
    public required DemoMode Demo { get; init; }

    [Inject]
    public required NavigationManager Navigation { get; init; }

    [Inject]
    public required BrowserTimeZone BrowserZone { get; init; }

    // A layout is any component with a Body parameter; this one also follows the live view (the alert badge).
    [Parameter]
    public RenderFragment? Body { get; set; }

    // The layout re-renders on every navigation (its Body changes), so reading the URL here follows it.
    private bool IsKiosk => ViewQuery.FromUri(Navigation.Uri).Kiosk;

    private int UnacknowledgedAlerts => State.Current?.UnacknowledgedAlerts ?? 0;

    // The choice is per browser: read it once the circuit can talk to the page.
    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (firstRender)
        {
            _isDarkMode = await Storage.GetAsync(BrowserStorageKeys.Theme) == "dark";
            _browserZone = await BrowserZone.GetAsync();
            _format = await Storage.GetAsync(BrowserStorageKeys.TimeZone) == Utc ? DisplayFormat.Utc : new DisplayFormat(_browserZone);
            _interactive = true;
            StateHasChanged();
        }
    }

    private async Task ToggleUtcAsync()
    {
        _format = _format.IsUtc ? new DisplayFormat(_browserZone) : DisplayFormat.Utc;
        await Storage.SetAsync(BrowserStorageKeys.TimeZone, _format.IsUtc ? Utc : "browser");
    }

    private async Task ToggleThemeAsync()
    {
        _isDarkMode = !_isDarkMode;
        await Storage.SetAsync(BrowserStorageKeys.Theme, _isDarkMode ? "dark" : "light");
    }
}
