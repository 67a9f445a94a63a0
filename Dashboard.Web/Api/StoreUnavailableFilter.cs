using Dashboard.Core.Tracking;

namespace Dashboard.Web.Api;

/// <summary>
/// Turns a store that is down into a 503 with the error envelope, never an unhandled exception; the cause goes to the
/// outage log, not to the caller.
/// </summary>
public sealed class StoreUnavailableFilter(OutageLog outages) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context);
        }
        catch (StoreUnavailableException exception)
        {
            outages.Failed(exception.Store, exception.InnerException ?? exception);
            return ApiResults.Unavailable(exception.Store);
        }
    }
}
