using Dashboard.Web.Auth;

namespace Dashboard.Tests.Auth;

public sealed class OidcOptionsValidatorTests
{
    [Fact]
    public void Validate_NothingSet_IsAcceptedAsOff()
    {
        var options = new OidcOptions();

        Assert.True(new OidcOptionsValidator().Validate(null, options).Succeeded);
        Assert.False(options.IsEnabled);
    }

    [Fact]
    public void Validate_AProviderWithRoles_IsAccepted()
    {
        var options = Configured();

        Assert.True(new OidcOptionsValidator().Validate(null, options).Succeeded);
        Assert.True(options.IsEnabled);
    }

    [Fact]
    public void Validate_HalfConfigured_NamesWhatIsMissing()
    {
        var options = Configured();
        options.ClientSecret = null;

        var result = new OidcOptionsValidator().Validate(null, options);

        Assert.Contains("Dashboard:Auth:Oidc:ClientSecret is not set", result.FailureMessage, StringComparison.Ordinal);
        Assert.False(options.IsEnabled);
    }

    [Fact]
    public void Validate_PlainHttpOffThisMachine_IsRefused()
    {
        var options = Configured();
        options.Authority = "http://sso.example.com/realms/ops";

        var result = new OidcOptionsValidator().Validate(null, options);

        Assert.Contains("Authority must be an absolute https URL (plain http only on loopback)", result.FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://127.0.0.1:8080/", true)]
    [InlineData("http://localhost:8080/realms/dev", true)]
    [InlineData("https://login.microsoftonline.com/tenant/v2.0", false)]
    public void Validate_LoopbackHttp_IsAcceptedWithoutHttpsMetadata(string authority, bool loopbackHttp)
    {
        var options = Configured();
        options.Authority = authority;

        Assert.True(new OidcOptionsValidator().Validate(null, options).Succeeded);
        Assert.Equal(loopbackHttp, options.IsLoopbackHttp);
    }

    [Fact]
    public void Validate_NoRoleValues_IsRefusedAsLettingNobodyIn()
    {
        var options = Configured();
        options.AdminValues = " ";
        options.ViewerValues = "";

        var result = new OidcOptionsValidator().Validate(null, options);

        Assert.Contains("or nobody can sign in", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_OneValueInBothRoles_IsRefused()
    {
        var options = Configured();
        options.ViewerValues = "staff, Dashboard.Admin";

        var result = new OidcOptionsValidator().Validate(null, options);

        Assert.Contains("Dashboard.Admin is in both AdminValues and ViewerValues", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_NoRoleClaim_IsRefused()
    {
        var options = Configured();
        options.RoleClaim = "";

        var result = new OidcOptionsValidator().Validate(null, options);

        Assert.Contains("Dashboard:Auth:Oidc:RoleClaim must name the claim", result.FailureMessage, StringComparison.Ordinal);
    }

    private static OidcOptions Configured() => new()
    {
        Authority = "https://login.microsoftonline.com/00000000-0000-0000-0000-000000000000/v2.0",
        ClientId = "11111111-1111-1111-1111-111111111111",
        ClientSecret = "a-client-secret",
        DisplayName = "Microsoft",
        RoleClaim = "roles",
        AdminValues = "Dashboard.Admin",
        ViewerValues = "Dashboard.Viewer",
    };
}
