using System.Net;
using System.Text.RegularExpressions;
using Dashboard.Tests.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Tests.Auth;

/// <summary>
/// DESIGN.md's "Identity and access" table, checked against every endpoint the app maps: an endpoint the table does
/// not place, or that answers a caller otherwise than its row says, fails here.
/// </summary>
public sealed partial class EndpointPolicyTests : IAsyncLifetime
{
    // Single sign-on is on, so that its endpoints are in the walk too (the provider is only asked at a sign-in).
    private readonly DashboardApp _app = new(new Dictionary<string, string?>
    {
        ["Dashboard:Auth:Oidc:Authority"] = "https://sso.example.test/",
        ["Dashboard:Auth:Oidc:ClientId"] = "dashboard",
        ["Dashboard:Auth:Oidc:ClientSecret"] = "a-client-secret",
        ["Dashboard:Auth:Oidc:AdminValues"] = "dashboard-admins",
    });

    private enum Row
    {
        Unlisted,

        /// <summary><c>/login</c>, static assets, the health probes: everyone.</summary>
        Public,

        /// <summary>Dashboard pages, every other GET of the API, SSE, the API's health: viewers, admins, read/admin keys.</summary>
        Viewer,

        /// <summary>The sessions page and <c>/sessions</c>: like <see cref="Viewer"/>, never anonymous.</summary>
        Sessions,

        /// <summary>Acknowledge, rules, users, keys, audit: admins and admin keys.</summary>
        Admin,

        /// <summary><c>POST /track</c>, <c>/track/batch</c>: ingest keys.</summary>
        Ingest,

        /// <summary><c>POST /beacon</c>: pages sending a site key from its origins; none of these callers sends one, so all are refused.</summary>
        Beacon,

        /// <summary>A person's own account (<c>/account</c>, <c>/logout</c>): a signed-in person; a key is sent to sign in.</summary>
        Person,

        /// <summary><c>/metrics</c>: admins and metrics keys (anyone when <c>Dashboard:Metrics:AllowAnonymous</c>: see below).</summary>
        Metrics,

        /// <summary>What names no policy: the fallback policy, any caller with valid credentials.</summary>
        Fallback,
    }

    private enum Outcome
    {
        Allowed,
        Unauthenticated,
        Forbidden,
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task EveryEndpoint_EachCaller_IsAnsweredAsTheAccessTableSays()
    {
        using var anonymous = _app.CreateClient(apiKey: null);
        using var viewer = _app.CreateClient(TestApiKeys.Viewer);
        using var admin = _app.CreateClient(TestApiKeys.Admin);
        using var ingest = _app.CreateClient(TestApiKeys.Ingest);
        var endpoints = _app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();
        var mismatches = new List<string>();

        foreach (var endpoint in endpoints)
        {
            var route = "/" + endpoint.RoutePattern.RawText!.TrimStart('/');
            foreach (var method in endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"])
            {
                var row = RowOf(method, route);
                if (row == Row.Unlisted)
                {
                    mismatches.Add($"{method} {route} is in no row of the access table: give it a policy and a row here.");
                    continue;
                }

                // A number fits every parameter but a file's, which needs an extension to match.
                var path = Parameter().Replace(route, parameter => parameter.Value.EndsWith(":file}", StringComparison.Ordinal) ? "missing.txt" : "1");
                foreach (var (caller, client) in new[] { ("anonymous", anonymous), ("viewer", viewer), ("admin", admin), ("ingest", ingest) })
                {
                    var expected = Expected(row, caller);
                    var actual = await SendAsync(client, method, path);
                    if (actual != expected)
                    {
                        mismatches.Add($"{method} {route} ({row}) as {caller}: {actual}, expected {expected} [{endpoint.DisplayName}]");
                    }
                }
            }
        }

        Assert.True(endpoints.Count > 20, $"Only {endpoints.Count} endpoints were found.");
        Assert.True(mismatches.Count == 0, string.Join("\n", mismatches));
    }

    // The table of DESIGN.md, by route: where an endpoint belongs.
    private static Row RowOf(string method, string route) => route switch
    {
        "/health/live" or "/health/ready" or "/login" or "/error" => Row.Public,
        // Single sign-on's button (an antiforgery-checked form post) and the page for a person with no mapped role.
        "/login/oidc" or "/login/no-access" => Row.Public,
        "/account" or "/logout" => Row.Person,
        "/metrics" => Row.Metrics,
        "/api/concurrent-users/track" or "/api/concurrent-users/track/batch" => Row.Ingest,
        "/api/concurrent-users/beacon" => Row.Beacon,
        "/api/concurrent-users/sessions" or "/sessions" => Row.Sessions,
        "/api/concurrent-users/alerts/{id}/acknowledge" => Row.Admin,
        "/api/concurrent-users/users" or "/api/concurrent-users/users/{userName}" => Row.Admin,
        "/api/concurrent-users/api-keys" or "/api/concurrent-users/api-keys/{id:long}" => Row.Admin,
        "/api/concurrent-users/audit" => Row.Admin,
        "/api/concurrent-users/alerts/rules/{id}" when method is "PUT" or "DELETE" => Row.Admin,
        _ when route.StartsWith("/api/concurrent-users/", StringComparison.Ordinal) && method == "GET" => Row.Viewer,
        "/openapi/{documentName}.json" => Row.Viewer,
        "/" or "/alerts" or "/modules/{Id}" or "/organizations/{Id}" or "/not-found" => Row.Viewer,
        "/admin/users" or "/admin/api-keys" or "/admin/audit" => Row.Admin,
        _ when route.StartsWith("/_blazor", StringComparison.Ordinal) => Row.Viewer,
        // Blazor's own: enhanced navigation's redirects.
        "/_framework/opaque-redirect" => Row.Viewer,
        // The static web assets' fallback for a file that is in no manifest: the framework maps it without a policy.
        "/{**path:file}" => Row.Fallback,
        _ when IsStaticAsset(route) => Row.Public,
        _ => Row.Unlisted,
    };

    private static bool IsStaticAsset(string route) =>
        !route.Contains('{', StringComparison.Ordinal) && Path.HasExtension(route)
        && !route.StartsWith("/api/", StringComparison.Ordinal) && !route.StartsWith("/openapi/", StringComparison.Ordinal);

    private static Outcome Expected(Row row, string caller) => (row, caller) switch
    {
        (Row.Public, _) => Outcome.Allowed,
        (Row.Beacon, _) => Outcome.Forbidden,
        (_, "anonymous") or (Row.Person, _) => Outcome.Unauthenticated,
        (Row.Fallback, _) => Outcome.Allowed,
        (Row.Viewer or Row.Sessions, "viewer" or "admin") => Outcome.Allowed,
        (Row.Admin or Row.Metrics, "admin") => Outcome.Allowed,
        (Row.Ingest, "ingest") => Outcome.Allowed,
        _ => Outcome.Forbidden,
    };

    private static async Task<Outcome> SendAsync(HttpClient client, string method, string path)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        // Headers only: the realtime stream never ends.
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        return response.StatusCode switch
        {
            HttpStatusCode.Unauthorized => Outcome.Unauthenticated,
            HttpStatusCode.Redirect when response.Headers.Location?.OriginalString.StartsWith("/login?", StringComparison.Ordinal) == true
                || response.Headers.Location?.AbsolutePath == "/login" => Outcome.Unauthenticated,
            HttpStatusCode.Forbidden => Outcome.Forbidden,
            _ => Outcome.Allowed,
        };
    }

    [Theory]
    [InlineData(null, false, HttpStatusCode.Unauthorized)]
    [InlineData(null, true, HttpStatusCode.OK)]
    [InlineData(TestApiKeys.Metrics, false, HttpStatusCode.OK)]
    [InlineData(TestApiKeys.Admin, false, HttpStatusCode.OK)]
    [InlineData(TestApiKeys.Viewer, false, HttpStatusCode.Forbidden)]
    [InlineData(TestApiKeys.Ingest, false, HttpStatusCode.Forbidden)]
    public async Task Metrics_EachCaller_IsAnsweredAsItsScopeAndTheSettingSay(string? key, bool allowAnonymous, HttpStatusCode expected)
    {
        await using var app = new DashboardApp(new Dictionary<string, string?> { ["Dashboard:Metrics:AllowAnonymous"] = allowAnonymous ? "true" : "false" });
        using var client = app.CreateClient(key);

        var response = await client.GetAsync("/metrics");

        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task Metrics_MetricsKey_MayReadNothingElse()
    {
        using var client = _app.CreateClient(TestApiKeys.Metrics);

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"{DashboardApp.Api}/current")).StatusCode);
    }

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex Parameter();
}
