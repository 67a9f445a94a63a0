namespace Dashboard.Web.Auth;

/// <summary>The first admin, made when no person exists yet; unset, the app makes <c>admin</c> with a random password.</summary>
public sealed class InitialAdminOptions
{
    public string? UserName { get; set; }

    public string? Password { get; set; }
}
