using Dashboard.Data.Identity;
using Microsoft.AspNetCore.Identity;

namespace Dashboard.Web.Components.Account;

/// <summary>
/// The sign-in form. Whether the user name or the password was wrong, or the account is locked or disabled, it says
/// the same thing, so the form cannot be used to find out who has an account.
/// </summary>
public sealed partial class Login
{
    public const string FailedMessage = "Wrong user name or password. After 5 failed attempts an account is locked for 15 minutes.";

    private string? _message;

    [Inject]
    public required SignInManager<DashboardUser> SignIn { get; init; }

    [Inject]
    public required NavigationManager Navigation { get; init; }

    [SupplyParameterFromQuery]
    public string? ReturnUrl { get; set; }

    [SupplyParameterFromForm]
    private SignInInput Input { get; set; } = default!;

    protected override void OnInitialized() => Input ??= new();

    private async Task SignInAsync()
    {
        var user = await SignIn.UserManager.FindByNameAsync(Input.UserName.Trim());
        var result = user is { IsDisabled: false }
            ? await SignIn.PasswordSignInAsync(user, Input.Password, isPersistent: false, lockoutOnFailure: true)
            : SignInResult.Failed;
        if (!result.Succeeded)
        {
            _message = FailedMessage;
            return;
        }

        var target = LocalUrl.OrHome(ReturnUrl);
        Navigation.NavigateTo(user!.MustChangePassword ? $"/account?returnUrl={Uri.EscapeDataString(target)}" : target);
    }
}
