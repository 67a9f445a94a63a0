using Dashboard.Web.Api;
using Dashboard.Web.Telemetry;

namespace Dashboard.Web.Auth;

/// <summary>The API's answers to a caller it does not know (401) or one without the right (403): the error envelope, never a redirect.</summary>
public static class ApiAuthResponse
{
    // The scrape endpoint is called by machines too: a 401 tells Prometheus what is wrong, a redirect to /login does not.
    public static bool IsApi(HttpRequest request) =>
        request.Path.StartsWithSegments(ConcurrentUsersApi.Prefix) || request.Path.StartsWithSegments(DashboardTelemetry.ScrapePath);

    public static Task UnauthorizedAsync(HttpContext context) =>
        ApiResults.Error(
                StatusCodes.Status401Unauthorized,
                "Unauthorized",
                $"Send an API key as \"Authorization: Bearer KEY\" or \"{AuthSchemes.ApiKeyHeader}: KEY\", or sign in.")
            .ExecuteAsync(context);

    public static Task ForbiddenAsync(HttpContext context) =>
        ApiResults.Error(
                StatusCodes.Status403Forbidden,
                "Forbidden",
                $"{context.User.Identity?.Name ?? "This caller"} may not {context.Request.Method} {context.Request.Path}.")
            .ExecuteAsync(context);
}
