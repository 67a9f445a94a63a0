using Dashboard.Core.Tracking;
using Dashboard.Data.Audit;
using Dashboard.Ranges;
using Dashboard.Web.Api;
using Dashboard.Web.Components.Formatting;

namespace Dashboard.Web.Components.Pages.Admin;

/// <summary>
/// The audit trail for admins: filtered by actor, action and range, paged, and downloadable as the API's CSV. The
/// filters live in the URL, so a link reproduces what the sender saw.
/// </summary>
public sealed partial class Audit
{
    public const int PageSize = 50;

    private IReadOnlyList<AuditEntry>? _entries;
    private int _total;
    private string? _error;
    private string? _actor;
    private string? _action;
    private string? _start;
    private string? _end;

    [Inject]
    public required AuditTrail Trail { get; init; }

    [Inject]
    public required NavigationManager Navigation { get; init; }

    [Inject]
    public required TimeProvider Clock { get; init; }

    [SupplyParameterFromQuery(Name = "actor")]
    public string? Actor { get; set; }

    [SupplyParameterFromQuery(Name = "action")]
    public string? Action { get; set; }

    [SupplyParameterFromQuery(Name = "start")]
    public string? Start { get; set; }

    [SupplyParameterFromQuery(Name = "end")]
    public string? End { get; set; }

    [SupplyParameterFromQuery(Name = "offset")]
    public int Offset { get; set; }

    private string Showing => _total == 0
        ? "0 rows"
        : $"{DisplayFormat.Count(Offset + 1)}–{DisplayFormat.Count(Math.Min(Offset + PageSize, _total))} of {DisplayFormat.Count(_total)}";

    private string CsvUrl => DashboardUrls.AuditCsv(Actor, Action, Start, End);

    protected override async Task OnParametersSetAsync()
    {
        (_actor, _action, _start, _end) = (Actor, Action, Start, End);
        _error = null;
        if (!TimeRange.TryParse(Start, End, Clock.GetUtcNow(), out var range, out var rangeError))
        {
            (_entries, _error) = (null, rangeError);
            return;
        }

        if (Start is null)
        {
            range = new TimeRange(range.End - AuditEndpoints.DefaultLength, range.End);
        }

        try
        {
            var query = new AuditQuery
            {
                Actor = string.IsNullOrWhiteSpace(Actor) ? null : Actor,
                Action = AuditActions.All.Contains(Action) ? Action : null,
                Start = range.Start,
                End = range.End,
                Offset = Math.Max(Offset, 0),
                PageSize = PageSize,
            };
            (_entries, _total) = await Trail.ListAsync(query, CancellationToken.None);
        }
        catch (StoreUnavailableException)
        {
            (_entries, _error) = (null, "The history database cannot be reached, so the audit trail cannot be read now. Try again in a moment.");
        }
    }

    private void Apply() => Navigation.NavigateTo(DashboardUrls.Audit(_actor, _action, _start, _end));

    private void Page(int direction) =>
        Navigation.NavigateTo(DashboardUrls.Audit(Actor, Action, Start, End, Math.Max(Offset + (direction * PageSize), 0)));

    /// <summary>How this viewer reads times (their zone, or UTC), cascaded by the layout.</summary>
    [CascadingParameter]
    public DisplayFormat Format { get; set; } = DisplayFormat.Utc;

    private string Time(DateTimeOffset at) => Format.DateTime(at);
}
