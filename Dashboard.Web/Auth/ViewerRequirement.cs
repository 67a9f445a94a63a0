using Microsoft.AspNetCore.Authorization;

namespace Dashboard.Web.Auth;

/// <summary>The viewer's right; <see cref="ViewerAuthorizationHandler"/> decides who holds it.</summary>
public sealed class ViewerRequirement : IAuthorizationRequirement;
