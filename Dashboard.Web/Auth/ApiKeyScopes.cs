using System.Security.Claims;

namespace Dashboard.Web.Auth;

/// <summary>
/// What an API key may do: <c>ingest</c> (track, batch), <c>read</c> (every GET, SSE), <c>admin</c> (what an admin
/// may), <c>metrics</c> (scrape <c>/metrics</c>, nothing else).
/// </summary>
public static class ApiKeyScopes
{
    public const string Ingest = "ingest";
    public const string Read = "read";
    public const string Admin = "admin";
    public const string Metrics = "metrics";

    /// <summary>The claim type a key's scopes are carried in.</summary>
    public const string ClaimType = "scope";

    public static readonly IReadOnlyList<string> All = [Ingest, Read, Admin, Metrics];

    /// <summary>Splits <c>"ingest, read"</c> into its scopes; unknown names are returned in <paramref name="unknown"/>.</summary>
    public static IReadOnlyList<string> Parse(string? text, out IReadOnlyList<string> unknown)
    {
        var names = (text ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(name => name.ToLowerInvariant())
            .Distinct()
            .ToList();
        unknown = names.Where(name => !All.Contains(name)).ToList();
        return names.Where(All.Contains).ToList();
    }

    /// <summary>The roles a key's scopes grant: <c>read</c> makes it a viewer, <c>admin</c> an admin; <c>ingest</c> grants no role.</summary>
    public static IEnumerable<Claim> RoleClaims(IEnumerable<string> scopes)
    {
        foreach (var scope in scopes)
        {
            switch (scope)
            {
                case Read:
                    yield return new Claim(ClaimTypes.Role, DashboardRoles.Viewer);
                    break;
                case Admin:
                    yield return new Claim(ClaimTypes.Role, DashboardRoles.Admin);
                    break;
            }
        }
    }
}
