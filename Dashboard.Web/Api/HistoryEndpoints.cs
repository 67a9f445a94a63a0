using System.ComponentModel.DataAnnotations;
using Dashboard.Core.History;
using Dashboard.Core.Performance;
using Dashboard.Data.History;
using Dashboard.Web.Api.Contracts;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dashboard.Web.Api;

/// <summary>
/// <c>GET peak</c>, <c>average</c> and <c>trend</c>: history over a range (<c>start=24h&amp;end=now</c> or ISO-8601
/// instants), overall or for one <c>module</c> or <c>organization</c>; the trend also downloads as CSV.
/// <c>GET performance</c>: requests, errors and response-time percentiles over a range, overall or for one module.
/// </summary>
public static class HistoryEndpoints
{
    public static RouteGroupBuilder MapHistoryEndpoints(this RouteGroupBuilder group)
    {
        group.MapGet("/peak", GetPeakAsync)
            .WithSummary("Peak concurrent users in a range (start=24h&end=now)");
        group.MapGet("/average", GetAverageAsync)
            .WithSummary("Time-weighted average concurrent users in a range");
        group.MapGet("/trend", GetTrendAsync)
            .Produces<ApiEnvelope<TrendData>>(contentType: "application/json")
            .Produces<string>(StatusCodes.Status200OK, contentType: "text/csv")
            .WithSummary("Users over a range with the change against the previous period (format=csv to download)");
        group.MapGet("/performance", GetPerformanceAsync)
            .WithSummary("Requests, error rate and P50/P95/P99 over a range, overall with each module or for one module");
        return group;
    }

    private static async Task<Results<Ok<ApiEnvelope<PeakData>>, BadRequest<ApiError>>> GetPeakAsync(
        [AsParameters] HistoryRequest request, HistoryQueries queries, TimeProvider time, CancellationToken cancellationToken)
    {
        if (!request.TryParse(time, out var scope, out var range, out var error))
        {
            return error;
        }

        var peak = await queries.GetPeakAsync(scope, range, cancellationToken);
        return ApiResults.Ok(new PeakData(peak.Users, peak.At, range.Start, range.End, Name(scope), Name(peak.Source)));
    }

    private static async Task<Results<Ok<ApiEnvelope<AverageData>>, BadRequest<ApiError>>> GetAverageAsync(
        [AsParameters] HistoryRequest request, HistoryQueries queries, TimeProvider time, CancellationToken cancellationToken)
    {
        if (!request.TryParse(time, out var scope, out var range, out var error))
        {
            return error;
        }

        var average = await queries.GetAverageAsync(scope, range, cancellationToken);
        return ApiResults.Ok(new AverageData(
            average.Users is { } users ? Math.Round(users, 2) : null, range.Start, range.End, Name(scope), Name(average.Source)));
    }

    private static async Task<Results<Ok<ApiEnvelope<TrendData>>, ContentHttpResult, BadRequest<ApiError>>> GetTrendAsync(
        [AsParameters] HistoryRequest request,
        [AllowedValues("json", "csv")] string? format,
        HistoryQueries queries,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        if (format is not (null or "json" or "csv"))
        {
            return ApiResults.Invalid("format", "format must be json or csv.");
        }

        if (!request.TryParse(time, out var scope, out var range, out var error))
        {
            return error;
        }

        var trend = await queries.GetTrendAsync(scope, range, cancellationToken);
        if (format == "csv")
        {
            return TypedResults.Text(
                Csv.Write(["timestamp", "concurrent_users", "max_users"], trend.Points, point => [point.Timestamp, point.Users, point.MaxUsers]),
                "text/csv");
        }

        return ApiResults.Ok(new TrendData(
            [.. trend.Points.Select(point => new TrendPointData(point.Timestamp, Math.Round(point.Users, 2), point.MaxUsers))],
            trend.ChangePercent is { } change ? Math.Round(change, 1) : null,
            Resolution(trend.Resolution),
            trend.Average,
            trend.PreviousAverage,
            range.Start,
            range.End,
            Name(scope),
            Name(trend.Source)));
    }

    private static async Task<Results<Ok<ApiEnvelope<PerformanceRangeData>>, BadRequest<ApiError>>> GetPerformanceAsync(
        [AsParameters] PerformanceRequest request, PerformanceQueries queries, TimeProvider time, CancellationToken cancellationToken)
    {
        if (!request.TryParse(time, out var scope, out var range, out var error))
        {
            return error;
        }

        var merged = await queries.GetMergedAsync(range, scope.Id, cancellationToken);
        if (scope.Id is { } module)
        {
            var summary = merged.Modules.GetValueOrDefault(module) ?? PerformanceSummary.Of(new LatencyHistogram());
            return ApiResults.Ok(PerformanceRangeData.From(summary, range.Start, range.End, Name(scope), []));
        }

        return ApiResults.Ok(PerformanceRangeData.From(merged.Overall, range.Start, range.End, Name(scope),
            [.. merged.Modules.Select(entry => ModulePerformanceData.From(entry.Key, entry.Value))]));
    }

    private static string Name(HistoryScope scope) => scope.Id is null ? "overall" : $"{scope.Kind.ToString().ToLowerInvariant()}:{scope.Id}";

    private static string Name(HistoryTier tier) => tier.ToString().ToLowerInvariant();

    /// <summary>A resolution as people write it: 10s, 5m, 1h, 1d.</summary>
    public static string Resolution(TimeSpan resolution) => resolution switch
    {
        { TotalDays: >= 1 } when resolution.TotalDays % 1 == 0 => $"{resolution.TotalDays:0}d",
        { TotalHours: >= 1 } when resolution.TotalHours % 1 == 0 => $"{resolution.TotalHours:0}h",
        { TotalMinutes: >= 1 } when resolution.TotalMinutes % 1 == 0 => $"{resolution.TotalMinutes:0}m",
        _ => $"{resolution.TotalSeconds:0}s",
    };
}
