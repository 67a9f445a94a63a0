using System.Security.Cryptography;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dashboard.Web.Tracker;

/// <summary>
/// <c>GET /tracker.js</c>: the snippet pages embed. Its address has no fingerprint (pages copy it once), so it is cached
/// briefly and revalidated by its ETag: a new version reaches every page within <see cref="MaxAge"/>.
/// </summary>
public static class TrackerScript
{
    public const string Path = "/tracker.js";
    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(5);

    private static readonly byte[] Content = Read();
    private static readonly string ETag = $"\"{Convert.ToHexStringLower(SHA256.HashData(Content))[..16]}\"";

    public static IEndpointRouteBuilder MapTrackerScript(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(Path, Serve).AllowAnonymous().ExcludeFromDescription();
        return endpoints;
    }

    private static Results<StatusCodeHttpResult, FileContentHttpResult> Serve(HttpContext context)
    {
        var headers = context.Response.Headers;
        headers.ETag = ETag;
        headers.CacheControl = $"public, max-age={(int)MaxAge.TotalSeconds}";
        if (context.Request.Headers.IfNoneMatch.ToString().Split(',').Any(tag => tag.Trim() == ETag))
        {
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        }

        return TypedResults.Bytes(Content, "text/javascript; charset=utf-8");
    }

    private static byte[] Read()
    {
        using var stream = typeof(TrackerScript).Assembly.GetManifestResourceStream("Dashboard.Web.Tracker.tracker.js")
            ?? throw new InvalidOperationException("tracker.js is not embedded in Dashboard.Web.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
