using Microsoft.Net.Http.Headers;

namespace Dashboard.Web.Transport;

/// <summary>
/// The headers every answer carries: the <see cref="ContentSecurityPolicy"/>, no MIME sniffing, referrers only to the
/// own origin in full. Set as the answer starts, so they hold for error pages and re-executed answers as well.
/// </summary>
public sealed class SecurityHeadersMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(static state =>
        {
            var context = (HttpContext)state;
            var headers = context.Response.Headers;
            headers[HeaderNames.ContentSecurityPolicy] = ContentSecurityPolicy.For(context);
            headers[HeaderNames.XContentTypeOptions] = "nosniff";
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            return Task.CompletedTask;
        }, context);
        return next(context);
    }
}
