using Dashboard.Core.Tracking;

namespace Dashboard.Web.Api;

/// <summary>Turns a store that is down into a 503 with the error envelope, never an unhandled exception.</summary>
public sealed class StoreUnavailableFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context);
        }
        catch (StoreUnavailableException exception)
        {
            return ApiResults.Unavailable(exception.Store, exception.InnerException?.Message ?? exception.Message);
        }
    }
}
