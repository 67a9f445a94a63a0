using Microsoft.AspNetCore.Cors.Infrastructure;

namespace Dashboard.Web.Auth;

/// <summary>
/// CORS for the beacon: a request is allowed only from the origins of the site key it names (<c>?key=</c>), never
/// <c>*</c>, never with credentials; an unknown key allows no origin at all.
/// </summary>
public sealed class SiteKeyCorsPolicyProvider(ApiKeyTable keys) : ICorsPolicyProvider
{
    public const string PolicyName = "site-key";

    private static readonly CorsPolicy Nobody = new();

    public Task<CorsPolicy?> GetPolicyAsync(HttpContext context, string? policyName)
    {
        if (policyName != PolicyName || context.Request.Query["key"].ToString() is not { Length: > 0 } key
            || keys.Find(key)?.Site is not { } site)
        {
            return Task.FromResult<CorsPolicy?>(Nobody);
        }

        var policy = new CorsPolicyBuilder()
            .WithOrigins([.. site.AllowedOrigins])
            .WithMethods(HttpMethods.Post)
            .WithHeaders("Content-Type")
            .SetPreflightMaxAge(TimeSpan.FromHours(1))
            .Build();
        return Task.FromResult<CorsPolicy?>(policy);
    }
}
