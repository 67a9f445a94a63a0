using Microsoft.Extensions.Options;

namespace Dashboard.Web.Auth;

/// <summary>Refuses, at start, keys that are too short to be secret, without a scope or an origin, or sharing a secret; lists every problem.</summary>
public sealed class AuthOptionsValidator : IValidateOptions<AuthOptions>
{
    public const int MinKeyLength = 20;

    /// <summary>The shortest password a person may have (Identity enforces it; the first admin's is checked at start).</summary>
    public const int MinPasswordLength = 12;

    public ValidateOptionsResult Validate(string? name, AuthOptions options)
    {
        var errors = new List<string>();
        if (options.CircuitRevalidation <= TimeSpan.Zero)
        {
            errors.Add($"{AuthOptions.SectionName}:CircuitRevalidation must be positive (e.g. 00:01:00); it is {options.CircuitRevalidation}.");
        }

        foreach (var (keyName, key) in options.ApiKeys)
        {
            var path = $"{AuthOptions.SectionName}:ApiKeys:{keyName}";
            if (key.Key.Length < MinKeyLength)
            {
                errors.Add($"{path}:Key must be at least {MinKeyLength} characters (a random string such as `openssl rand -hex 24`).");
            }

            var scopes = ApiKeyScopes.Parse(key.Scopes, out var unknown);
            if (unknown.Count > 0)
            {
                errors.Add($"{path}:Scopes has {string.Join(", ", unknown)}; the scopes are {string.Join(", ", ApiKeyScopes.All)}.");
            }
            else if (scopes.Count == 0)
            {
                errors.Add($"{path}:Scopes must name at least one of {string.Join(", ", ApiKeyScopes.All)}.");
            }
        }

        foreach (var (keyName, site) in options.SiteKeys)
        {
            var path = $"{AuthOptions.SectionName}:SiteKeys:{keyName}";
            if (site.Key.Length < MinKeyLength)
            {
                errors.Add($"{path}:Key must be at least {MinKeyLength} characters.");
            }

            var origins = SiteKey.ParseOrigins(site.AllowedOrigins, out var invalid);
            if (invalid.Count > 0)
            {
                errors.Add($"{path}:AllowedOrigins has {string.Join(", ", invalid)}: an origin is a scheme, a host and a port only, e.g. https://app.example.com.");
            }
            else if (origins.Count == 0)
            {
                errors.Add($"{path}:AllowedOrigins must name at least one origin, e.g. https://app.example.com.");
            }

            if (site.RequireSignedUsers && site.Secret.Length < MinKeyLength)
            {
                errors.Add($"{path}:Secret must be at least {MinKeyLength} characters with RequireSignedUsers: user ids are signed with it.");
            }
        }

        var admin = options.InitialAdmin;
        if (!string.IsNullOrEmpty(admin.Password) && admin.Password.Length < MinPasswordLength)
        {
            errors.Add($"{AuthOptions.SectionName}:InitialAdmin:Password must be at least {MinPasswordLength} characters.");
        }

        if (!string.IsNullOrEmpty(admin.Password) && string.IsNullOrWhiteSpace(admin.UserName))
        {
            errors.Add($"{AuthOptions.SectionName}:InitialAdmin:UserName is required with InitialAdmin:Password.");
        }

        var allKeys = options.ApiKeys.Select(key => (Name: $"ApiKeys:{key.Key}", key.Value.Key))
            .Concat(options.SiteKeys.Select(key => (Name: $"SiteKeys:{key.Key}", key.Value.Key)));
        foreach (var shared in allKeys.Where(key => key.Key.Length > 0).GroupBy(key => key.Key).Where(group => group.Count() > 1))
        {
            errors.Add($"{AuthOptions.SectionName} {string.Join(" and ", shared.Select(key => key.Name))} share one key; give each its own.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
