using Dashboard.Data;
using Dashboard.Data.Audit;
using Dashboard.Data.Identity;
using Dashboard.Web.Auth;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Components.Account;

/// <summary>
/// The sign-in form. Whether the user name or the password was wrong, or the account is locked or disabled, it says
/// the same thing, so the form cannot be used to find out who has an account. The audit trail says which it was: each
/// attempt's row is written in the same transaction as the failed-attempt count or lockout it changed.
/// </summary>
public sealed partial class Login
{
    public const string FailedMessage = "Wrong user name or password. After 5 failed attempts an account is locked for 15 minutes.";

    private string? _message;

    [Inject]
    public required SignInManager<DashboardUser> SignIn { get; init; }

    [Inject]
    public required NavigationManager Navigation { get; init; }

    [Inject]
    public required HistoryDbContext Database { get; init; }

    [Inject]
    public required TimeProvider Time { get; init; }

    [CascadingParameter]
    public required HttpContext HttpContext { get; set; }

    [Inject]
    public required IOptions<OidcOptions> OidcSettings { get; init; }

    [SupplyParameterFromQuery]
    public string? ReturnUrl { get; set; }

    /// <summary><c>failed</c> when the provider sent the person back without signing them in.</summary>
    [SupplyParameterFromQuery]
    public string? Sso { get; set; }

    private OidcOptions Oidc => OidcSettings.Value;

    [SupplyParameterFromForm]
    private SignInInput Input { get; set; } = default!;

    protected override void OnInitialized() => Input ??= new();

    private async Task SignInAsync()
    {
        var userName = Input.UserName.Trim();
        SignInResult result;
        DashboardUser? user;
        await using (var transaction = await Database.Database.BeginTransactionAsync())
        {
            user = await SignIn.UserManager.FindByNameAsync(userName);
            // Checks the password and counts the failure or locks out; the cookie is written only once the audit row is stored.
            result = user is { IsDisabled: false }
                ? await SignIn.CheckPasswordSignInAsync(user, Input.Password, lockoutOnFailure: true)
                : SignInResult.Failed;
            var actor = new AuditActor(userName, HttpContext.Connection.RemoteIpAddress?.ToString());
            Database.AuditLog.Add(result switch
            {
                { Succeeded: true } => actor.Entry(Time.GetUtcNow(), AuditActions.SignIn, userName),
                { IsLockedOut: true } => actor.Entry(Time.GetUtcNow(), AuditActions.LockedOut, userName),
                _ => actor.Entry(Time.GetUtcNow(), AuditActions.SignInFailed, userName, new
                {
                    Reason = user is null ? "unknown_user" : user.IsDisabled ? "disabled" : "wrong_password",
                }),
            });
            await Database.SaveChangesAsync();
            await transaction.CommitAsync();
        }

        if (!result.Succeeded)
        {
            _message = FailedMessage;
            return;
        }

        await SignIn.SignInAsync(user!, isPersistent: false);
        var target = LocalUrl.OrHome(ReturnUrl);
        Navigation.NavigateTo(user!.MustChangePassword ? $"/account?returnUrl={Uri.EscapeDataString(target)}" : target);
    }
}
