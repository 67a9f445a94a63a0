using System.Globalization;
using Dashboard.Web.Api;
using Dashboard.Web.Api.Contracts;
using Dashboard.Web.Auth;
using Dashboard.Web.Telemetry;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;

namespace Dashboard.Web.RateLimits;

/// <summary>A request over its limit: 429 with <c>Retry-After</c>, the API's envelope, and a count by limit in <c>/metrics</c>.</summary>
public static class RateLimitRejection
{
    /// <summary>The tag of <c>dashboard.rate_limit.rejections</c> that names the limit.</summary>
    public const string LimitTag = "limit";

    /// <summary>The rate limiting middleware's answer to a refused request.</summary>
    public static Task AnswerAsync(HttpContext context, TimeSpan retryAfter)
    {
        var limit = DashboardRateLimiter.LimitOf(context) ?? RateLimit.Read;
        var answer = Refuse(context, limit, retryAfter);
        // The sign-in form's caller is a person at a browser: the status (the page says nothing more yet) is enough.
        return ApiAuthResponse.IsApi(context.Request) ? answer.ExecuteAsync(context) : Task.CompletedTask;
    }

    /// <summary>Sets <c>Retry-After</c>, counts the refusal and gives the envelope; a batch over its tokens answers it.</summary>
    public static JsonHttpResult<ApiError> Refuse(HttpContext context, RateLimit limit, TimeSpan retryAfter)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        context.Response.Headers[HeaderNames.RetryAfter] = seconds.ToString(CultureInfo.InvariantCulture);
        context.RequestServices.GetRequiredService<DashboardMetrics>().RateLimitRejections
            .Add(1, new KeyValuePair<string, object?>(LimitTag, TagOf(limit)));
        return ApiResults.Error(
            StatusCodes.Status429TooManyRequests,
            "Too many requests",
            $"Over the {TagOf(limit).Replace('_', '-')} limit (see {RateLimitOptions.SectionName} in the README); retry after {seconds} s.");
    }

    public static string TagOf(RateLimit limit) => limit switch
    {
        RateLimit.Ingest => "ingest",
        RateLimit.Beacon => "beacon",
        RateLimit.SignIn => "sign_in",
        _ => "read",
    };
}
