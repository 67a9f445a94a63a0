using System.Globalization;
using Dashboard.Core.Alerts;
using Dashboard.Core.Tracking;
using Dashboard.Web.Auth;
using Dashboard.Web.Components.Controls;
using Dashboard.Web.Live;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;

namespace Dashboard.Web.Components.Pages;

public sealed partial class Alerts
{
    public const int AlertsShown = 200;

    private readonly Dictionary<string, AlertRule> _edits = [];
    private IReadOnlyList<AlertRecord> _alerts = [];
    private IReadOnlyList<AlertRule> _rules = [];
    private int _total;

    // Acknowledging and changing rules are for admins; viewers see the same page read-only.
    private bool _isAdmin;

    [Inject]
    public required AlertManagement Management { get; init; }

    [Inject]
    public required CircuitAuditActor Actor { get; init; }

    [Inject]
    public required IDialogService Dialogs { get; init; }

    [Inject]
    public required ISnackbar Snackbar { get; init; }

    [Inject]
    public required NavigationManager Navigation { get; init; }

    [Inject]
    public required TimeProvider Clock { get; init; }

    [CascadingParameter]
    public required Task<AuthenticationState> Authentication { get; set; }

    [SupplyParameterFromQuery(Name = "status")]
    public string? Status { get; set; }

    [SupplyParameterFromQuery(Name = "severity")]
    public string? Severity { get; set; }

    protected override async Task OnInitializedAsync() => _isAdmin = (await Authentication).User.IsInRole(DashboardRoles.Admin);

    protected override Task OnParametersSetAsync() => LoadAsync();

    protected override Task RefreshAsync(CancellationToken cancellationToken) => LoadAsync();

    private async Task LoadAsync()
    {
        try
        {
            var query = new AlertQuery
            {
                Status = Enum.TryParse<AlertStatus>(Status, true, out var status) ? status : null,
                Severity = Enum.TryParse<AlertSeverity>(Severity, true, out var severity) ? severity : null,
                PageSize = AlertsShown,
            };
            (_alerts, _total) = await Management.ListAsync(query);
            _rules = await Management.RulesAsync();
        }
        catch (StoreUnavailableException)
        {
            // The banner says the database is down; what was shown stays.
        }
    }

    private async Task AcknowledgeAsync(AlertRecord alert)
    {
        var dialog = await Dialogs.ShowAsync<AcknowledgeDialog>("Acknowledge alert", new DialogParameters<AcknowledgeDialog>
        {
            { dialog => dialog.Alert, alert },
        });
        if (await dialog.Result is not { Canceled: false, Data: string note })
        {
            return;
        }

        // The acknowledging person is whoever is signed in: the button is only shown to admins.
        var (outcome, _) = await Management.AcknowledgeAsync(alert.Id, await Actor.GetAsync(), note);
        Snackbar.Add(
            outcome == AcknowledgeOutcome.Acknowledged ? $"Alert {alert.Id} acknowledged." : $"Alert {alert.Id} was no longer active.",
            outcome == AcknowledgeOutcome.Acknowledged ? MudBlazor.Severity.Success : MudBlazor.Severity.Warning);
        await LoadAsync();
    }

    private AlertRule Edited(AlertRule rule) => _edits.GetValueOrDefault(rule.Id, rule);

    private void Edit(AlertRule original, AlertRule edited) => _edits[original.Id] = edited;

    private async Task SaveRuleAsync(AlertRule rule)
    {
        var edited = Edited(rule);
        var errors = AlertRuleValidator.Validate(edited);
        if (errors.Count > 0)
        {
            Snackbar.Add(string.Join(" ", errors.Select(error => error.Message)), MudBlazor.Severity.Error);
            return;
        }

        await Management.SaveRuleAsync(edited, await Actor.GetAsync());
        _edits.Remove(rule.Id);
        Snackbar.Add($"Rule {rule.Id} saved; it applies from the next poll.", MudBlazor.Severity.Success);
        await LoadAsync();
    }

    private void ChangeStatus(string value) => Navigation.NavigateTo(DashboardUrls.Alerts(value, Severity));

    private void ChangeSeverity(string value) => Navigation.NavigateTo(DashboardUrls.Alerts(Status, value));

    private static Color SeverityColor(AlertSeverity severity) => severity switch
    {
        AlertSeverity.Critical => Color.Error,
        AlertSeverity.Warning => Color.Warning,
        _ => Color.Info,
    };

    private static string Name<T>(T value)
        where T : struct, Enum => value.ToString().ToLowerInvariant();

    private DateTimeOffset Now => Clock.GetUtcNow();

    private static string Time(DateTimeOffset time) => time.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
}
