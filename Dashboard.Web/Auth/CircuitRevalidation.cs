using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Auth;

/// <summary>
/// Re-checks the person behind an open dashboard as <see cref="CookieValidation"/> checks each request: a circuit makes
/// no requests, so a page left open after its person was disabled, demoted or given a new password would otherwise
/// keep its access until it closed. Failing the check signs the circuit out, and its pages send it to sign in.
/// </summary>
public sealed class CircuitRevalidation(ILoggerFactory loggers, IServiceScopeFactory scopes, IOptions<AuthOptions> options)
    : RevalidatingServerAuthenticationStateProvider(loggers)
{
    protected override TimeSpan RevalidationInterval => options.Value.CircuitRevalidation;

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken)
    {
        // The circuit's own scope lives as long as the page: each check gets a fresh one, so its UserManager reads
        // the person as stored now.
        await using var scope = scopes.CreateAsyncScope();
        return await CookieValidation.IsCurrentAsync(authenticationState.User, scope.ServiceProvider);
    }
}
