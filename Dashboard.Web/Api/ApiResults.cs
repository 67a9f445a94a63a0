using Dashboard.Core.Tracking;
using Dashboard.Web.Api.Contracts;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dashboard.Web.Api;

/// <summary>
/// The envelope results every endpoint answers with, typed so that each endpoint's <c>Results&lt;…&gt;</c> states
/// (and the OpenAPI document lists) every answer it can give.
/// </summary>
public static class ApiResults
{
    public static Ok<ApiEnvelope<T>> Ok<T>(T data) => TypedResults.Ok(new ApiEnvelope<T>(data));

    public static BadRequest<ApiError> Invalid(IReadOnlyList<ValidationError> errors) =>
        TypedResults.BadRequest(new ApiError("Invalid input", string.Join(" ", errors.Select(error => error.Message)), errors));

    public static BadRequest<ApiError> Invalid(string field, string message) => Invalid([new ValidationError(field, message)]);

    public static NotFound<ApiError> NotFound(string error, string details) => TypedResults.NotFound(new ApiError(error, details));

    public static Conflict<ApiError> Conflict(string error, string details) => TypedResults.Conflict(new ApiError(error, details));

    /// <summary>An answer of a status with no typed result of its own (413, 415, 503): declared where it is given.</summary>
    public static JsonHttpResult<ApiError> Error(int statusCode, string error, string? details = null) =>
        TypedResults.Json(new ApiError(error, details), statusCode: statusCode);

    /// <summary>409: the request names sessions other users hold; each error names one.</summary>
    public static Conflict<ApiError> SessionTaken(IReadOnlyList<ValidationError> errors) =>
        TypedResults.Conflict(new ApiError("Session belongs to another user", string.Join(" ", errors.Select(error => error.Message)), errors));

    /// <summary>A store that is down, in words safe for anyone: what failed stays in the log.</summary>
    public static JsonHttpResult<ApiError> Unavailable(string store, string details = "It did not answer; retry in a moment.") =>
        Error(StatusCodes.Status503ServiceUnavailable, $"{store} is unavailable", details);
}
