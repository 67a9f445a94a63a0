using Dashboard.Core.Tracking;
using Dashboard.Web.Api.Contracts;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dashboard.Web.Api;

/// <summary>The envelope results every endpoint answers with.</summary>
public static class ApiResults
{
    public static Ok<ApiEnvelope<T>> Ok<T>(T data) => TypedResults.Ok(new ApiEnvelope<T>(data));

    public static JsonHttpResult<ApiError> Error(int statusCode, string error, string? details = null) =>
        TypedResults.Json(new ApiError(error, details), statusCode: statusCode);

    public static JsonHttpResult<ApiError> BadRequest(string error, string details) =>
        Error(StatusCodes.Status400BadRequest, error, details);

    public static JsonHttpResult<ApiError> Invalid(IReadOnlyList<ValidationError> errors) =>
        TypedResults.Json(
            new ApiError("Invalid input", string.Join(" ", errors.Select(error => error.Message)), errors),
            statusCode: StatusCodes.Status400BadRequest);

    /// <summary>409: the request names sessions other users hold; each error names one.</summary>
    public static JsonHttpResult<ApiError> SessionTaken(IReadOnlyList<ValidationError> errors) =>
        TypedResults.Json(
            new ApiError("Session belongs to another user", string.Join(" ", errors.Select(error => error.Message)), errors),
            statusCode: StatusCodes.Status409Conflict);

    /// <summary>A store that is down, in words safe for anyone: what failed stays in the log.</summary>
    public static JsonHttpResult<ApiError> Unavailable(string store, string details = "It did not answer; retry in a moment.") =>
        Error(StatusCodes.Status503ServiceUnavailable, $"{store} is unavailable", details);
}
