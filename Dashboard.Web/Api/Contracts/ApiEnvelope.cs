namespace Dashboard.Web.Api.Contracts;

/// <summary>
/// The spec's success envelope: <c>{ "success": true, "data": ... }</c>. Health alone answers with data and
/// <c>success: false</c> when a check fails, so a monitor sees what is down.
/// </summary>
public sealed record ApiEnvelope<T>(T Data)
{
    public bool Success { get; init; } = true;
}
