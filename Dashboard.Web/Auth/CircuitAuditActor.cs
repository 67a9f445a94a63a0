using Dashboard.Data.Audit;
using Microsoft.AspNetCore.Components.Authorization;

namespace Dashboard.Web.Auth;

/// <summary>
/// The audit trail's actor for an interactive page: the circuit's signed-in person, and the address the circuit was
/// opened from. A circuit has no request per click, so the address is read once, when the circuit's scope makes this
/// (during the circuit's start, while its connection's request is still at hand).
/// </summary>
public sealed class CircuitAuditActor(IHttpContextAccessor http, AuthenticationStateProvider authentication)
{
    private readonly string? _clientAddress = http.HttpContext?.Connection.RemoteIpAddress?.ToString();

    public async Task<AuditActor> GetAsync() =>
        new((await authentication.GetAuthenticationStateAsync()).User.Identity?.Name ?? "anonymous", _clientAddress);
}
