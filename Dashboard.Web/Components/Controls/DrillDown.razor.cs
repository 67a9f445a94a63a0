using Dashboard.Core.Configuration;
using Dashboard.Core.History;
using Dashboard.Core.Tracking;
using Dashboard.Web.Live;
using Microsoft.Extensions.Options;
using MudBlazor;

namespace Dashboard.Web.Components.Controls;

/// <summary>What a module or an organization page shows live: its users, the other dimension's split, its sessions.</summary>
public sealed partial class DrillDown
{
    public const int SessionsShown = 10;

    private IReadOnlyList<DimensionCount> _breakdown = [];
    private SessionPage _sessions = new([], 0);
    private List<BreadcrumbItem> _breadcrumbs = [];

    [Inject]
    public required LiveReads Reads { get; init; }

    [Inject]
    public required HistoryReads History { get; init; }

    // Nobody here now and no minute recorded in the range: a mistyped or unknown id looks exactly like this, so the
    // page says so instead of showing a page of zeros.
    private bool _noActivity;

    [Inject]
    public required IOptions<TrackingOptions> Tracking { get; init; }

    [Parameter, EditorRequired]
    public required DrillDownKind Kind { get; set; }

    [Parameter, EditorRequired]
    public required string Id { get; set; }

    [Parameter, EditorRequired]
    public required RangeSelection Range { get; set; }

    [Parameter, EditorRequired]
    public required EventCallback<RangeSelection> RangeChanged { get; set; }


    private HistoryScope Scope => Kind == DrillDownKind.Module ? HistoryScope.Module(Id) : HistoryScope.Organization(Id);

    private string Title => $"{(Kind == DrillDownKind.Module ? "Module" : "Organization")} {Id}";

    private string CounterTestId => Kind == DrillDownKind.Module ? "module-users" : "organization-users";

    private int WindowSeconds => (int)Tracking.Value.ActivityWindow.TotalSeconds;

    // From the same per-poll read as the breakdown: the snapshot ranks only the most active organizations.
    private long Users { get; set; }

    private string SessionsUrl => Kind == DrillDownKind.Module
        ? DashboardUrls.Sessions(moduleId: Id)
        : DashboardUrls.Sessions(organizationId: Id);

    protected override async Task OnParametersSetAsync()
    {
        _breadcrumbs = [new("Overview", DashboardUrls.Overview(Range)), new(Title, href: null)];
        await LoadAsync();
    }

    // Each poll refreshes the breakdown and the sessions.
    protected override Task RefreshAsync(CancellationToken cancellationToken) => LoadAsync();

    private string BreakdownUrl(string id) => Kind == DrillDownKind.Module
        ? DashboardUrls.Organization(id, Range)
        : DashboardUrls.Module(id, Range);

    // The same per-poll read as the range figures below, so this costs no query of its own.
    private async Task<bool> NoHistoryInRangeAsync()
    {
        var (start, end) = Range.Bounds;
        var summary = await History.SummaryAsync(Scope, start, end);
        return summary.Error is null && summary.Peak is null or { Users: 0 };
    }

    private async Task LoadAsync()
    {
        try
        {
            if (Kind == DrillDownKind.Module)
            {
                var module = await Reads.ModuleAsync(Id);
                (Users, _breakdown) = (module.Users, module.Organizations);
            }
            else
            {
                var organization = await Reads.OrganizationAsync(Id);
                (Users, _breakdown) = (organization.Users, organization.Modules);
            }

            _sessions = await Reads.SessionsAsync(Kind == DrillDownKind.Module
                ? new SessionQuery { ModuleId = Id, PageSize = SessionsShown }
                : new SessionQuery { OrganizationId = Id, PageSize = SessionsShown });
            _noActivity = Users == 0 && await NoHistoryInRangeAsync();
        }
        catch (StoreUnavailableException)
        {
            // The banner explains; the last figures stay on screen.
        }
    }
}
