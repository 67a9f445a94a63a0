using Microsoft.Extensions.Options;

namespace Dashboard.Web.Auth;

/// <summary>
/// Refuses, at start, single sign-on that is half configured, a provider reached over plain http off this machine, and a
/// role mapping that lets nobody in or puts one value in both roles; lists every problem.
/// </summary>
public sealed class OidcOptionsValidator : IValidateOptions<OidcOptions>
{
    public ValidateOptionsResult Validate(string? name, OidcOptions options)
    {
        var path = OidcOptions.SectionName;
        var required = new[] { ("Authority", options.Authority), ("ClientId", options.ClientId), ("ClientSecret", options.ClientSecret) };
        var missing = required.Where(setting => string.IsNullOrWhiteSpace(setting.Item2)).Select(setting => $"{path}:{setting.Item1}").ToList();
        if (missing.Count == required.Length)
        {
            return ValidateOptionsResult.Success;
        }

        var errors = new List<string>();
        if (missing.Count > 0)
        {
            errors.Add($"Single sign-on needs Authority, ClientId and ClientSecret together; {string.Join(", ", missing)} {(missing.Count == 1 ? "is" : "are")} not set.");
        }

        if (!string.IsNullOrWhiteSpace(options.Authority)
            && (!Uri.TryCreate(options.Authority, UriKind.Absolute, out var authority)
                || (authority.Scheme != Uri.UriSchemeHttps && !options.IsLoopbackHttp)))
        {
            errors.Add($"{path}:Authority must be an absolute https URL (plain http only on loopback), not '{options.Authority}'.");
        }

        if (string.IsNullOrWhiteSpace(options.DisplayName))
        {
            errors.Add($"{path}:DisplayName must name the provider for the sign-in button.");
        }

        if (string.IsNullOrWhiteSpace(options.RoleClaim))
        {
            errors.Add($"{path}:RoleClaim must name the claim that holds a person's roles (e.g. roles or groups).");
        }

        var admin = OidcOptions.Split(options.AdminValues);
        var viewer = OidcOptions.Split(options.ViewerValues);
        if (admin.Count == 0 && viewer.Count == 0)
        {
            errors.Add($"{path}:AdminValues or {path}:ViewerValues must list at least one value of the role claim, or nobody can sign in.");
        }

        var both = admin.Intersect(viewer, StringComparer.OrdinalIgnoreCase).ToList();
        if (both.Count > 0)
        {
            errors.Add($"{path}: {string.Join(", ", both)} is in both AdminValues and ViewerValues; give each value one role.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
