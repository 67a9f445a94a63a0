using Dashboard.Core.Configuration;
using Dashboard.Core.Tracking;
using Dashboard.Web.Live;
using Microsoft.Extensions.Options;
using MudBlazor;

namespace Dashboard.Web.Components.Pages;

public sealed partial class Home : IDisposable
{
    public const int TopOrganizationCount = 10;

    [Inject]
    public required DashboardState State { get; init; }

    [Inject]
    public required NavigationManager Navigation { get; init; }

    [Inject]
    public required IOptions<TrackingOptions> Tracking { get; init; }

    [SupplyParameterFromQuery(Name = "range")]
    public string? Range { get; set; }

    private LiveSnapshot? Snapshot => State.Current?.Snapshot;

    private IReadOnlyList<DimensionCount> Modules => Snapshot?.Modules ?? [];

    private IEnumerable<DimensionCount> TopOrganizations => (Snapshot?.Organizations ?? []).Take(TopOrganizationCount);

    private int WindowSeconds => (int)Tracking.Value.ActivityWindow.TotalSeconds;

    protected override void OnInitialized() => State.Changed += OnChangedAsync;

    public void Dispose() => State.Changed -= OnChangedAsync;

    private void OpenOrganization(TableRowClickEventArgs<DimensionCount> click)
    {
        if (click.Item is { } organization)
        {
            Navigation.NavigateTo(DashboardUrls.Organization(organization.Id, Range));
        }
    }

    private Task OnChangedAsync() => InvokeAsync(StateHasChanged);
}
