using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.RateLimits;

/// <summary>Registers ASP.NET Core's rate limiter with the app's one <see cref="DashboardRateLimiter"/> as its global limiter.</summary>
public static class RateLimitServiceCollectionExtensions
{
    public static IServiceCollection AddDashboardRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RateLimitOptions>().Bind(configuration.GetSection(RateLimitOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<RateLimitOptions>, RateLimitOptionsValidator>();
        services.AddSingleton<DashboardRateLimiter>();
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<DashboardRateLimiter>((options, limiter) =>
        {
            options.GlobalLimiter = limiter.Limiter;
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = (rejected, _) => new ValueTask(RateLimitRejection.AnswerAsync(
                rejected.HttpContext, limiter.RetryAfter(rejected.Lease, DashboardRateLimiter.LimitOf(rejected.HttpContext))));
        });
        return services;
    }

    /// <summary>Limits an endpoint, a group or a page by <paramref name="limit"/>'s bucket (the innermost one set wins).</summary>
    public static TBuilder RateLimited<TBuilder>(this TBuilder builder, RateLimit limit)
        where TBuilder : IEndpointConventionBuilder => builder.WithMetadata(new RateLimitedAttribute(limit));
}
