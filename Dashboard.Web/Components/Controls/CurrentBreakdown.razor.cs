using Dashboard.Core.Configuration;
using Dashboard.Core.Performance;
using Dashboard.Core.Tracking;
using Dashboard.Web.Components.Charts;
using MudBlazor;

namespace Dashboard.Web.Components.Controls;

/// <summary>Users per module and the most active organizations at the poll the viewer sees, each a link to its page.</summary>
public sealed partial class CurrentBreakdown
{
    public const int TopOrganizationCount = 10;

    [Parameter, EditorRequired]
    public required RangeSelection Range { get; set; }

    [CascadingParameter(Name = "DarkMode")]
    public bool DarkMode { get; set; }

    [Inject]
    public required NavigationManager Navigation { get; init; }

    [Inject]
    public required Microsoft.Extensions.Options.IOptions<AlertOptions> Alerts { get; init; }

    private LiveSnapshot? Snapshot => State.Current?.Snapshot;

    private IReadOnlyList<DimensionCount> Modules => Snapshot?.Modules ?? [];

    private IReadOnlyList<ChartBar> ModuleBars => [.. Modules.Select(module => new ChartBar(module.Id, module.Users))];

    private IEnumerable<DimensionCount> TopOrganizations => (Snapshot?.Organizations ?? []).Take(TopOrganizationCount);

    /// <summary>The module's requests over the performance window; null when none reported a response time.</summary>
    private PerformanceSummary? PerformanceOf(string moduleId) =>
        State.Current?.Performance?.Modules.GetValueOrDefault(moduleId) is { Requests: > 0 } summary ? summary : null;

    private static double? ErrorRateOf(PerformanceSummary? performance) => performance?.ErrorRate;

    private void OpenModule(string moduleId) => Navigation.NavigateKeepingView(DashboardUrls.Module(moduleId, Range));

    private void OpenOrganization(TableRowClickEventArgs<DimensionCount> click)
    {
        if (click.Item is { } organization)
        {
            Navigation.NavigateKeepingView(DashboardUrls.Organization(organization.Id, Range));
        }
    }
}
