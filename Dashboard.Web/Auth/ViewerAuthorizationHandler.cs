using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Auth;

/// <summary>
/// A viewer's right: a viewer or admin (person or key), or, when <c>AnonymousAccess</c> is <c>Viewer</c>, a visitor who
/// sent no credentials. A visitor who sent credentials that failed stays refused.
/// </summary>
public sealed class ViewerAuthorizationHandler(IOptions<AuthOptions> options) : AuthorizationHandler<ViewerRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, ViewerRequirement requirement)
    {
        if (context.User.IsInRole(DashboardRoles.Viewer) || context.User.IsInRole(DashboardRoles.Admin))
        {
            context.Succeed(requirement);
        }
        else if (options.Value.AnonymousAccess == AnonymousAccess.Viewer
            && context.User.Identity?.IsAuthenticated != true
            && !await SentFailedCredentialsAsync(context.Resource))
        {
            context.Succeed(requirement);
        }
    }

    // The handlers cache their result per request, so this asks again without checking the credentials twice.
    private static async Task<bool> SentFailedCredentialsAsync(object? resource) =>
        resource is HttpContext http && (await http.AuthenticateAsync()).Failure is not null;
}
