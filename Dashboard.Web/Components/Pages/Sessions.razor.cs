using Dashboard.Core.Configuration;
using Dashboard.Core.Tracking;
using Dashboard.Web.Auth;
using Dashboard.Web.Live;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.Options;
using MudBlazor;

namespace Dashboard.Web.Components.Pages;

public sealed partial class Sessions
{
    private MudDataGrid<ActiveSession>? _grid;

    // Viewers see IP addresses and user agents masked, and no CSV; admins see everything.
    private bool _masked = true;

    // Set when a sort ordered only the most recent MaxPageSize sessions of more.
    private bool _sortedAmongFirst;

    private static readonly Func<ActiveSession, object> SortByUser = session => session.UserId;
    private static readonly Func<ActiveSession, object> SortByOrganization = session => session.OrganizationId;
    private static readonly Func<ActiveSession, object> SortByModule = session => session.ModuleId;
    private static readonly Func<ActiveSession, object> SortByStarted = session => session.StartedAt;
    private static readonly Func<ActiveSession, object> SortByLastActivity = session => session.LastActivityAt;
    private static readonly Func<ActiveSession, object> SortByUserAgent = session => session.UserAgent ?? "";

    [Inject]
    public required LiveReads Reads { get; init; }

    [Inject]
    public required NavigationManager Navigation { get; init; }

    [Inject]
    public required IOptions<TrackingOptions> Tracking { get; init; }

    [CascadingParameter]
    public required Task<AuthenticationState> Authentication { get; set; }

    [SupplyParameterFromQuery(Name = "module")]
    public string? Module { get; set; }

    [SupplyParameterFromQuery(Name = "organization")]
    public string? Organization { get; set; }

    [SupplyParameterFromQuery(Name = "user")]
    public string? User { get; set; }

    private int WindowSeconds => (int)Tracking.Value.ActivityWindow.TotalSeconds;

    private string? FilterError =>
        new[] { ("module", Module), ("organization", Organization), ("user", User) }
            .Select(filter => Clean(filter.Item2) is { } id ? ActivityValidator.ValidateId(filter.Item1, id)?.Message : null)
            .FirstOrDefault(message => message is not null);

    private string CsvUrl => DashboardUrls.SessionsCsv(Clean(Module), Clean(Organization), Clean(User));

    protected override async Task OnInitializedAsync() => _masked = PersonalDataMask.AppliesTo((await Authentication).User);

    protected override async Task OnParametersSetAsync()
    {
        if (_grid is not null)
        {
            await _grid.ReloadServerData();
        }
    }

    // The heading promises sessions active in the last window: the rows follow each poll (not while paused).
    protected override async Task RefreshAsync(CancellationToken cancellationToken)
    {
        if (_grid is not null)
        {
            await _grid.ReloadServerData();
        }
    }

    private async Task<GridData<ActiveSession>> LoadAsync(GridState<ActiveSession> state, CancellationToken cancellationToken)
    {
        if (FilterError is not null)
        {
            return new GridData<ActiveSession> { Items = [], TotalItems = 0 };
        }

        // The stores list sessions most recent first, a page at a time. A sort orders the most recent MaxPageSize
        // matching sessions in memory (a bounded read; the page says so when there were more).
        var sorted = state.SortDefinitions.Count > 0;
        var query = new SessionQuery
        {
            ModuleId = Clean(Module),
            OrganizationId = Clean(Organization),
            UserId = Clean(User),
            Offset = sorted ? 0 : state.Page * state.PageSize,
            PageSize = sorted ? SessionQuery.MaxPageSize : state.PageSize,
        };
        try
        {
            var page = await Reads.SessionsAsync(query);
            IEnumerable<ActiveSession> sessions = _masked ? page.Sessions.Select(PersonalDataMask.Apply) : page.Sessions;
            var total = page.Total;
            _sortedAmongFirst = sorted && page.Total > SessionQuery.MaxPageSize;
            if (sorted)
            {
                sessions = Sort(sessions, state.SortDefinitions.First()).Skip(state.Page * state.PageSize).Take(state.PageSize);
                total = Math.Min(page.Total, SessionQuery.MaxPageSize);
            }

            return new GridData<ActiveSession> { Items = sessions.ToList(), TotalItems = (int)Math.Min(total, int.MaxValue) };
        }
        catch (StoreUnavailableException)
        {
            // The banner says the store is down; the grid shows nothing rather than stale rows.
            return new GridData<ActiveSession> { Items = [], TotalItems = 0 };
        }
    }

    // The filters live in the URL, so a filtered listing can be shared.
    private Task ApplyFiltersAsync()
    {
        Navigation.NavigateKeepingView(DashboardUrls.Sessions(Clean(Module), Clean(Organization), Clean(User)));
        return Task.CompletedTask;
    }

    private static IEnumerable<ActiveSession> Sort(IEnumerable<ActiveSession> sessions, SortDefinition<ActiveSession> sort)
    {
        var key = sort.SortFunc ?? (session => session.LastActivityAt);
        return sort.Descending
            ? sessions.OrderByDescending(key, Comparer<object?>.Default)
            : sessions.OrderBy(key, Comparer<object?>.Default);
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
