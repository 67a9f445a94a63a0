using Dashboard.Core.Alerts;
using Dashboard.Web.Auth;
using Microsoft.AspNetCore.Components.Authorization;

namespace Dashboard.Web.Components.Pages;

/// <summary>The alerts page: its filters and page live in the URL; the list and the rule editor do the rest.</summary>
public sealed partial class Alerts
{
    // Acknowledging and changing rules are for admins; viewers see the same page read-only.
    private bool _isAdmin;

    [Inject]
    public required NavigationManager Navigation { get; init; }

    [CascadingParameter]
    public required Task<AuthenticationState> Authentication { get; set; }

    [SupplyParameterFromQuery(Name = "status")]
    public string? Status { get; set; }

    [SupplyParameterFromQuery(Name = "severity")]
    public string? Severity { get; set; }

    [SupplyParameterFromQuery(Name = "page")]
    public int? Page { get; set; }

    private AlertStatus? StatusFilter => Enum.TryParse<AlertStatus>(Status, true, out var status) ? status : null;

    private AlertSeverity? SeverityFilter => Enum.TryParse<AlertSeverity>(Severity, true, out var severity) ? severity : null;

    protected override async Task OnInitializedAsync() => _isAdmin = (await Authentication).User.IsInRole(DashboardRoles.Admin);

    private string PageUrl(int page) => DashboardUrls.Alerts(Status, Severity, page);

    // A new filter starts at the first page.
    private void ChangeStatus(string value) => Navigation.NavigateKeepingView(DashboardUrls.Alerts(value, Severity));

    private void ChangeSeverity(string value) => Navigation.NavigateKeepingView(DashboardUrls.Alerts(Status, value));
}
