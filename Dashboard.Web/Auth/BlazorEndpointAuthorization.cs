using Microsoft.AspNetCore.Authorization;

namespace Dashboard.Web.Auth;

/// <summary>
/// Blazor's own endpoints (the circuit's hub under <c>/_blazor</c>, <c>/_framework/…</c>) follow the viewer's policy, so
/// an anonymous wall screen gets its circuit; pages declare their own policies, and the fallback refuses a page that
/// declares none.
/// </summary>
public static class BlazorEndpointAuthorization
{
    public static TBuilder RequireViewerForBlazorEndpoints<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder
    {
        builder.Add(endpoint =>
        {
            var route = (endpoint as RouteEndpointBuilder)?.RoutePattern.RawText?.TrimStart('/') ?? "";
            if (route.StartsWith("_blazor", StringComparison.Ordinal) || route.StartsWith("_framework/", StringComparison.Ordinal))
            {
                endpoint.Metadata.Add(new AuthorizeAttribute(Policies.Viewer));
            }
        });
        return builder;
    }
}
