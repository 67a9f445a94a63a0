using Dashboard.Core.Alerts;
using Dashboard.Core.Tracking;
using Dashboard.Web.Auth;
using Dashboard.Web.Live;
using MudBlazor;

namespace Dashboard.Web.Components.Controls;

/// <summary>The alert rules, each field labelled with its unit; admins change, add and delete them here.</summary>
public sealed partial class AlertRuleEditor
{
    private readonly Dictionary<string, AlertRule> _edits = [];
    private IReadOnlyList<AlertRule> _rules = [];

    private AlertKind _newKind = AlertKind.HighConcurrency;
    private string _newScope = AlertScope.Overall.ToString();
    private double _newThreshold;
    private AlertSeverity _newSeverity = AlertSeverity.Warning;
    private int _newForPolls = 3;

    [Inject]
    public required AlertManagement Management { get; init; }

    [Inject]
    public required CircuitAuditActor Actor { get; init; }

    [Inject]
    public required ISnackbar Snackbar { get; init; }

    [Parameter]
    public bool IsAdmin { get; set; }

    protected override Task OnInitializedAsync() => LoadAsync();

    protected override Task RefreshAsync(CancellationToken cancellationToken) => LoadAsync();

    private async Task LoadAsync()
    {
        try
        {
            _rules = await Management.RulesAsync();
        }
        catch (StoreUnavailableException)
        {
            // The banner says the database is down; what was shown stays.
        }
    }

    private AlertRule Edited(AlertRule rule) => _edits.GetValueOrDefault(rule.Id, rule);

    private void Edit(AlertRule original, AlertRule edited) => _edits[original.Id] = edited;

    private async Task SaveAsync(AlertRule rule)
    {
        if (await TrySaveAsync(rule))
        {
            _edits.Remove(rule.Id);
            Snackbar.Add($"Rule {rule.Id} saved; it applies from the next poll.", MudBlazor.Severity.Success);
        }
    }

    private async Task AddAsync()
    {
        var scope = AlertScope.Parse(_newScope.Trim());
        // An added rule is named for what it watches, so its id says the same as its row.
        var kind = AlertRule.TypeName(_newKind).Replace('_', '-');
        var id = scope.Id is null ? $"{kind}-{scope.Kind}" : $"{kind}-{scope.Kind}-{scope.Id}";
        var rule = new AlertRule(id, _newKind, scope, AlertRuleUnits.Stored(_newKind, _newThreshold), _newSeverity, _newForPolls);
        if (_rules.Any(existing => existing.Id == id))
        {
            Snackbar.Add($"A rule {id} exists already: change it above.", MudBlazor.Severity.Warning);
            return;
        }

        if (await TrySaveAsync(rule))
        {
            Snackbar.Add($"Rule {id} added; it applies from the next poll.", MudBlazor.Severity.Success);
        }
    }

    private async Task<bool> TrySaveAsync(AlertRule rule)
    {
        var errors = AlertRuleValidator.Validate(rule);
        if (errors.Count > 0)
        {
            Snackbar.Add(string.Join(" ", errors.Select(error => error.Message)), MudBlazor.Severity.Error);
            return false;
        }

        if (!await Management.SaveRuleAsync(rule, await Actor.GetAsync()))
        {
            Snackbar.Add("There are as many rules as the configuration allows (Dashboard:Alerts:MaxRules): delete one first.", MudBlazor.Severity.Error);
            return false;
        }

        await LoadAsync();
        return true;
    }

    private async Task DeleteAsync(AlertRule rule)
    {
        await Management.DeleteRuleAsync(rule.Id, await Actor.GetAsync());
        _edits.Remove(rule.Id);
        Snackbar.Add($"Rule {rule.Id} deleted.", MudBlazor.Severity.Success);
        await LoadAsync();
    }
}
