using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;

namespace Dashboard.Web.Auth;

/// <summary>
/// Swagger UI is middleware, not an endpoint, so no policy reaches it by itself: this puts it behind the
/// <see cref="Policies.Viewer"/> policy like the API it documents.
/// </summary>
public static class SwaggerUiAuthorization
{
    public static IApplicationBuilder UseViewerPolicyFor(this IApplicationBuilder app, PathString prefix) =>
        app.UseWhen(context => context.Request.Path.StartsWithSegments(prefix), branch => branch.Use(async (context, next) =>
        {
            var authorization = context.RequestServices.GetRequiredService<IAuthorizationService>();
            var result = await authorization.AuthorizeAsync(context.User, context, Policies.Viewer);
            if (result.Succeeded)
            {
                await next(context);
            }
            else if (context.User.Identity?.IsAuthenticated == true)
            {
                await context.ForbidAsync();
            }
            else
            {
                await context.ChallengeAsync();
            }
        }));
}
