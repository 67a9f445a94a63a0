using Dashboard.Core.Alerts;
using Dashboard.Core.Tracking;
using Dashboard.Web.Auth;
using Dashboard.Web.Components.Controls;
using Dashboard.Web.Live;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;

namespace Dashboard.Web.Components.Layout;

/// <summary>Open alerts (fired and not resolved) at the top of every page, each acknowledgeable in place by admins.</summary>
public sealed partial class StatusStrip
{
    /// <summary>Open alerts listed on the strip; the rest are counted and linked to the alerts page.</summary>
    public const int Shown = 5;

    private IReadOnlyList<AlertRecord> _open = [];
    private int _more;
    private bool _isAdmin;

    [Inject]
    public required AlertManagement Management { get; init; }

    [Inject]
    public required AlertAcknowledgement Acknowledgement { get; init; }

    [Inject]
    public required TimeProvider Time { get; init; }

    [CascadingParameter]
    public required Task<AuthenticationState> Authentication { get; set; }

    private DateTimeOffset Now => Time.GetUtcNow();

    protected override async Task OnInitializedAsync()
    {
        _isAdmin = (await Authentication).User.IsInRole(DashboardRoles.Admin);
        await LoadAsync();
    }

    protected override Task RefreshAsync(CancellationToken cancellationToken) => LoadAsync();

    private async Task LoadAsync()
    {
        try
        {
            // Two small reads, cached per poll for every circuit: the newest active alerts, then acknowledged ones.
            var (active, activeTotal) = await Management.ListAsync(new AlertQuery { Status = AlertStatus.Active, PageSize = Shown });
            var (acknowledged, acknowledgedTotal) = await Management.ListAsync(new AlertQuery { Status = AlertStatus.Acknowledged, PageSize = Shown });
            _open = [.. active.Concat(acknowledged).Take(Shown)];
            _more = activeTotal + acknowledgedTotal - _open.Count;
        }
        catch (StoreUnavailableException)
        {
            // The store banner explains; the strip keeps what it showed.
        }
    }

    private async Task AcknowledgeAsync(AlertRecord alert)
    {
        if (await Acknowledgement.AskAndAcknowledgeAsync(alert))
        {
            await LoadAsync();
        }
    }

    private static string SeverityClass(AlertRecord alert) =>
        alert.Status == AlertStatus.Acknowledged ? "status-acknowledged" : $"status-{alert.Severity.ToString().ToLowerInvariant()}";

    private static string SeverityIcon(AlertRecord alert) => alert.Severity switch
    {
        AlertSeverity.Critical => Icons.Material.Filled.Error,
        AlertSeverity.Warning => Icons.Material.Filled.Warning,
        _ => Icons.Material.Filled.Info,
    };
}
