using Microsoft.Extensions.Options;

namespace Dashboard.Web.Auth;

/// <summary>Refuses, at start, keys that are too short to be secret, without a scope, or sharing a secret; lists every problem.</summary>
public sealed class AuthOptionsValidator : IValidateOptions<AuthOptions>
{
    public const int MinKeyLength = 20;

    /// <summary>The shortest password a person may have (Identity enforces it; the first admin's is checked at start).</summary>
    public const int MinPasswordLength = 12;

    public ValidateOptionsResult Validate(string? name, AuthOptions options)
    {
        var errors = new List<string>();
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

        var admin = options.InitialAdmin;
        if (!string.IsNullOrEmpty(admin.Password) && admin.Password.Length < MinPasswordLength)
        {
            errors.Add($"{AuthOptions.SectionName}:InitialAdmin:Password must be at least {MinPasswordLength} characters.");
        }

        if (!string.IsNullOrEmpty(admin.Password) && string.IsNullOrWhiteSpace(admin.UserName))
        {
            errors.Add($"{AuthOptions.SectionName}:InitialAdmin:UserName is required with InitialAdmin:Password.");
        }

        foreach (var shared in options.ApiKeys.Where(key => key.Value.Key.Length > 0).GroupBy(key => key.Value.Key).Where(group => group.Count() > 1))
        {
            errors.Add($"{AuthOptions.SectionName}:ApiKeys {string.Join(" and ", shared.Select(key => key.Key))} share one key; give each its own.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
