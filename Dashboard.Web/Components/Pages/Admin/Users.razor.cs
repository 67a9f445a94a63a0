using Dashboard.Data.Identity;
using Dashboard.Web.Auth;
using Microsoft.AspNetCore.Components.Authorization;

namespace Dashboard.Web.Components.Pages.Admin;

/// <summary>Admins manage people: add with a role, change roles, reset passwords (shown once), disable. One admin cannot lock themselves out here.</summary>
public sealed partial class Users
{
    private IReadOnlyList<DashboardUser> _people = [];
    private string? _newUserName;
    private string _newRole = DashboardRoles.Viewer;
    private string? _error;
    private string? _me;
    private (string UserName, string Password)? _handedOver;

    [Inject]
    public required PeopleAdministration People { get; init; }

    [Inject]
    public required CircuitAuditActor Actor { get; init; }

    [CascadingParameter]
    public required Task<AuthenticationState> Authentication { get; set; }

    protected override async Task OnInitializedAsync()
    {
        _me = (await Authentication).User.Identity?.Name;
        await LoadAsync();
    }

    private async Task LoadAsync() => _people = await People.ListAsync(CancellationToken.None);

    private async Task CreateAsync()
    {
        var password = PeopleAdministration.RandomPassword();
        var created = await People.CreateAsync(_newUserName, password, _newRole, await Actor.GetAsync(), mustChangePassword: true);
        Show(created, password);
        _newUserName = created.Outcome == PersonChangeOutcome.Done ? null : _newUserName;
        await LoadAsync();
    }

    private async Task ResetAsync(DashboardUser person)
    {
        var password = PeopleAdministration.RandomPassword();
        Show(await People.ChangeAsync(person.UserName!, role: null, password, disabled: null, await Actor.GetAsync()), password);
        await LoadAsync();
    }

    private async Task ChangeAsync(DashboardUser person, string? role = null, bool? disabled = null)
    {
        Show(await People.ChangeAsync(person.UserName!, role, password: null, disabled, await Actor.GetAsync()), password: null);
        await LoadAsync();
    }

    private void Show(PersonChange change, string? password)
    {
        _error = change.Outcome switch
        {
            PersonChangeOutcome.Done => null,
            PersonChangeOutcome.AlreadyExists => $"There is already a user {_newUserName}.",
            PersonChangeOutcome.NotFound => "That person no longer exists.",
            PersonChangeOutcome.LastAdmin => PersonChange.LastAdminMessage,
            _ => string.Join(" ", change.Errors.Select(error => error.Message)),
        };
        _handedOver = change.Outcome == PersonChangeOutcome.Done && password is not null ? (change.User!.UserName!, password) : null;
    }

    private static string State(DashboardUser person) =>
        person.IsDisabled ? "disabled" : person.MustChangePassword ? "must choose a password" : "active";
}
