using Dashboard.Web.Auth;

namespace Dashboard.Tests.Auth;

public sealed class AuthOptionsValidatorTests
{
    private const string GoodKey = "0123456789abcdef0123456789";

    [Fact]
    public void Validate_ConfiguredKeys_AreAccepted()
    {
        var options = With(("ci", GoodKey, "ingest, read"), ("ops", GoodKey + "x", "admin"));

        Assert.True(new AuthOptionsValidator().Validate(null, options).Succeeded);
    }

    [Fact]
    public void Validate_ShortKey_IsRefused()
    {
        var result = new AuthOptionsValidator().Validate(null, With(("ci", "short", "read")));

        Assert.Contains("Dashboard:Auth:ApiKeys:ci:Key must be at least 20 characters", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_UnknownScope_IsRefusedByName()
    {
        var result = new AuthOptionsValidator().Validate(null, With(("ci", GoodKey, "read,write")));

        Assert.Contains("Dashboard:Auth:ApiKeys:ci:Scopes has write", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_TwoNamesOneKey_IsRefused()
    {
        var result = new AuthOptionsValidator().Validate(null, With(("a", GoodKey, "read"), ("b", GoodKey, "ingest")));

        Assert.Contains("ApiKeys:a and ApiKeys:b share one key", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_SiteKeyWithAPathOrNoSecret_IsRefusedNamingEachProblem()
    {
        var options = new AuthOptions
        {
            SiteKeys = new()
            {
                ["shop"] = new() { Key = GoodKey, AllowedOrigins = "https://app.example.com/page, https://ok.example.com", RequireSignedUsers = true },
            },
        };

        var result = new AuthOptionsValidator().Validate(null, options);

        Assert.Contains("Dashboard:Auth:SiteKeys:shop:AllowedOrigins has https://app.example.com/page", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("Dashboard:Auth:SiteKeys:shop:Secret must be at least 20 characters", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_SiteKeySharingAnApiKey_IsRefused()
    {
        var options = With(("ci", GoodKey, "read"));
        options.SiteKeys["shop"] = new() { Key = GoodKey, AllowedOrigins = "https://app.example.com" };

        var result = new AuthOptionsValidator().Validate(null, options);

        Assert.Contains("ApiKeys:ci and SiteKeys:shop share one key", result.FailureMessage, StringComparison.Ordinal);
    }

    private static AuthOptions With(params (string Name, string Key, string Scopes)[] keys) => new()
    {
        ApiKeys = keys.ToDictionary(key => key.Name, key => new ConfiguredApiKey { Key = key.Key, Scopes = key.Scopes }),
    };
}
