using Dashboard.Core.Configuration;
using Dashboard.Core.Tracking;
using Dashboard.Web.Components.Charts;
using Dashboard.Web.Live;
using Microsoft.Extensions.Options;
using MudBlazor;

namespace Dashboard.Web.Components.Pages;

public sealed partial class Home : RangePage, IDisposable
{
    public const int TopOrganizationCount = 10;

    [Inject]
    public required DashboardState State { get; init; }

    [Inject]
    public required IOptions<TrackingOptions> Tracking { get; init; }

    [CascadingParameter(Name = "DarkMode")]
    public bool DarkMode { get; set; }

    private LiveSnapshot? Snapshot => State.Current?.Snapshot;

    private IReadOnlyList<DimensionCount> Modules => Snapshot?.Modules ?? [];

    private IReadOnlyList<ChartBar> ModuleBars => [.. Modules.Select(module => new ChartBar(module.Id, module.Users))];

    private IEnumerable<DimensionCount> TopOrganizations => (Snapshot?.Organizations ?? []).Take(TopOrganizationCount);

    private int WindowSeconds => (int)Tracking.Value.ActivityWindow.TotalSeconds;

    protected override string UrlWith(RangeSelection range) => DashboardUrls.Overview(range);

    protected override void OnInitialized() => State.Changed += OnChangedAsync;

    public void Dispose() => State.Changed -= OnChangedAsync;

    private void OpenModule(string moduleId) => Navigation.NavigateTo(DashboardUrls.Module(moduleId, Range));

    private void OpenOrganization(TableRowClickEventArgs<DimensionCount> click)
    {
        if (click.Item is { } organization)
        {
            Navigation.NavigateTo(DashboardUrls.Organization(organization.Id, Range));
        }
    }

    private Task OnChangedAsync() => InvokeAsync(StateHasChanged);
}
