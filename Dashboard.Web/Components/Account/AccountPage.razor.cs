using Dashboard.Data.Identity;
using Microsoft.AspNetCore.Identity;

namespace Dashboard.Web.Components.Account;

/// <summary>A person changes their own password; the first admin's generated one and reset ones must be changed here first.</summary>
public sealed partial class AccountPage
{
    private string _userName = "";
    private bool _mustChange;
    private string? _message;

    [Inject]
    public required SignInManager<DashboardUser> SignIn { get; init; }

    [Inject]
    public required NavigationManager Navigation { get; init; }

    [CascadingParameter]
    public required HttpContext HttpContext { get; set; }

    [SupplyParameterFromQuery]
    public string? ReturnUrl { get; set; }

    [SupplyParameterFromForm]
    private ChangePasswordInput Input { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        Input ??= new();
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
