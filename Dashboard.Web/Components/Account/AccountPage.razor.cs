using Dashboard.Data.Identity;
using Dashboard.Web.Auth;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Components.Account;

/// <summary>A person changes their own password; the first admin's generated one and reset ones must be changed here first.</summary>
public sealed partial class AccountPage
{
    private string _userName = "";
    private bool _mustChange;
    private string? _message;

    // The provider's name, for a person it signed in: they have no password here to change.
    private string? _provider;

    [Inject]
    public required SignInManager<DashboardUser> SignIn { get; init; }

    [Inject]
    public required NavigationManager Navigation { get; init; }

    [Inject]
    public required IOptions<OidcOptions> Oidc { get; init; }

    [CascadingParameter]
    public required HttpContext HttpContext { get; set; }

    [SupplyParameterFromQuery]
    public string? ReturnUrl { get; set; }

    [SupplyParameterFromForm]
    private ChangePasswordInput Input { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        Input ??= new();
        if (HttpContext.User.HasClaim(claim => claim.Type == SingleSignOn.SubjectClaim))
        {
            _provider = Oidc.Value.DisplayName;
            return;
        }

        var user = await SignIn.UserManager.GetUserAsync(HttpContext.User);
        _userName = user?.UserName ?? "";
        _mustChange = user?.MustChangePassword == true;
    }

    private async Task ChangeAsync()
    {
        var user = await SignIn.UserManager.GetUserAsync(HttpContext.User);
        if (user is null)
        {
            Navigation.NavigateTo("/login");
            return;
        }

        var result = await SignIn.UserManager.ChangePasswordAsync(user, Input.CurrentPassword, Input.NewPassword);
        if (!result.Succeeded)
        {
            _message = string.Join(" ", result.Errors.Select(error => error.Code == "PasswordMismatch" ? "The current password is wrong." : error.Description));
            return;
        }

        user.MustChangePassword = false;
        await SignIn.UserManager.UpdateAsync(user);
        await SignIn.RefreshSignInAsync(user);
        Navigation.NavigateTo(LocalUrl.OrHome(ReturnUrl));
    }
}
