using Dashboard.Web.Demo;
using Dashboard.Web.Live;
using Microsoft.JSInterop;

namespace Dashboard.Web.Components.Layout;

public sealed partial class MainLayout : IDisposable
{
    private const string ThemeKey = "dashboard-theme";

    private bool _drawerOpen = true;
    private bool _isDarkMode;

    // Set once the circuit is live: before that the page is prerendered HTML, and clicks do nothing.
    private bool _interactive;

    [Inject]
    public required IJSRuntime JS { get; init; }

    [Inject]
    public required DemoMode Demo { get; init; }

    [Inject]
    public required DashboardState State { get; init; }

    private int UnacknowledgedAlerts => State.Current?.UnacknowledgedAlerts ?? 0;

    protected override void OnInitialized() => State.Changed += OnChangedAsync;

    public void Dispose() => State.Changed -= OnChangedAsync;

    private Task OnChangedAsync() => InvokeAsync(StateHasChanged);

    // The choice is per browser: read it once the circuit can talk to the page.
    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (firstRender)
        {
            _isDarkMode = await JS.InvokeAsync<string?>("localStorage.getItem", ThemeKey) == "dark";
            _interactive = true;
            StateHasChanged();
        }
    }

    private async Task ToggleThemeAsync()
    {
        _isDarkMode = !_isDarkMode;
        await JS.InvokeVoidAsync("localStorage.setItem", ThemeKey, _isDarkMode ? "dark" : "light");
    }
}
