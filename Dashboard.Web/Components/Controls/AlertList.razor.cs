using Dashboard.Core.Alerts;
using Dashboard.Core.Tracking;
using Dashboard.Web.Components.Formatting;
using Dashboard.Web.Live;
using MudBlazor;

namespace Dashboard.Web.Components.Controls;

/// <summary>
/// The alerts that match the page's filters, a page at a time, grouped by rule and scope, each with its timeline;
/// admins acknowledge from here.
/// </summary>
public sealed partial class AlertList
{
    public const int PageSize = 50;

    private IReadOnlyList<AlertGroup> _groups = [];
    private int _total;

    [Inject]
    public required AlertManagement Management { get; init; }

    [Inject]
    public required AlertAcknowledgement Acknowledgement { get; init; }

    [Inject]
    public required TimeProvider Clock { get; init; }

    [Parameter]
    public AlertStatus? Status { get; set; }

    [Parameter]
    public AlertSeverity? Severity { get; set; }

    /// <summary>Which page, from 1.</summary>
    [Parameter]
    public int Page { get; set; } = 1;

    [Parameter]
    public bool IsAdmin { get; set; }

    /// <summary>The link to another page of the same list.</summary>
    [Parameter, EditorRequired]
    public required Func<int, string> PageUrl { get; set; }

    private int Offset => (Math.Max(Page, 1) - 1) * PageSize;

    private string Shown => _total == 0
        ? ""
        : $"Alerts {DisplayFormat.Count(Math.Min(Offset + 1, _total))}–{DisplayFormat.Count(Math.Min(Offset + PageSize, _total))} of {DisplayFormat.Count(_total)}, open first; a rule's repeats on this page are grouped.";

    private DateTimeOffset Now => Clock.GetUtcNow();

    protected override Task OnParametersSetAsync() => LoadAsync();

    protected override Task RefreshAsync(CancellationToken cancellationToken) => LoadAsync();

    private async Task LoadAsync()
    {
        try
        {
            var (alerts, total) = await Management.ListAsync(new AlertQuery { Status = Status, Severity = Severity, Offset = Offset, PageSize = PageSize });
            (_groups, _total) = (AlertGroup.Of(alerts), total);
        }
        catch (StoreUnavailableException)
        {
            // The banner says the database is down; what was shown stays.
        }
    }

    private async Task AcknowledgeAsync(AlertRecord alert)
    {
        if (await Acknowledgement.AskAndAcknowledgeAsync(alert))
        {
            await LoadAsync();
        }
    }

    private static Color SeverityColor(AlertSeverity severity) => severity switch
    {
        AlertSeverity.Critical => Color.Error,
        AlertSeverity.Warning => Color.Warning,
        _ => Color.Info,
    };

    private static string Name<T>(T value)
        where T : struct, Enum => value.ToString().ToLowerInvariant();
}
