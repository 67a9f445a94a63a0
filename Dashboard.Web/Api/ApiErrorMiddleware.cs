using System.Text.Json;
using System.Text.RegularExpressions;
using Dashboard.Core.Tracking;
using Dashboard.Web.Api.Contracts;
using Microsoft.AspNetCore.WebUtilities;

namespace Dashboard.Web.Api;

/// <summary>
/// The API's last line: whatever goes wrong under <see cref="ConcurrentUsersApi.Prefix"/> answers the error envelope,
/// never an HTML page or an empty body. A parameter the framework could not bind (<c>limit=abc</c>) is a 400 naming
/// it; an answer without a body (no such path, wrong method) gets one; any other exception is a 500 that is logged
/// and tells the caller nothing of the code.
/// </summary>
public sealed partial class ApiErrorMiddleware(RequestDelegate next, ILogger<ApiErrorMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context);
        }
        catch (BadHttpRequestException exception) when (!context.Response.HasStarted)
        {
            await WriteAsync(context, exception.StatusCode, Describe(exception));
            return;
        }
        catch (Exception exception) when (!context.Response.HasStarted && !context.RequestAborted.IsCancellationRequested)
        {
            LogUnhandled(logger, exception, context.Request.Method, context.Request.Path);
            await WriteAsync(context, StatusCodes.Status500InternalServerError,
                new ApiError("Internal error", "The request failed on the server; the failure is logged."));
            return;
        }

        var response = context.Response;
        if (response.StatusCode >= 400 && !response.HasStarted && response.ContentType is null && response.ContentLength is null or 0)
        {
            await WriteAsync(context, response.StatusCode, response.StatusCode switch
            {
                StatusCodes.Status404NotFound => new ApiError("Not found", $"There is no API operation at {context.Request.Path}."),
                StatusCodes.Status405MethodNotAllowed => new ApiError("Method not allowed", $"{context.Request.Method} is not an operation of {context.Request.Path}."),
                var status => new ApiError(ReasonPhrases.GetReasonPhrase(status), null),
            });
        }
    }

    private static Task WriteAsync(HttpContext context, int statusCode, ApiError error) =>
        TypedResults.Json(error, statusCode: statusCode).ExecuteAsync(context);

    // The framework names the parameter and its .NET type in its message ("Failed to bind parameter "int? limit" from
    // "abc"."): the name is the API's, the type is said in the API's words.
    private static ApiError Describe(BadHttpRequestException exception)
    {
        var match = ParameterPattern().Match(exception.Message);
        if (!match.Success)
        {
            return new ApiError("Bad request", "The request could not be read.");
        }

        var field = JsonNamingPolicy.SnakeCaseLower.ConvertName(match.Groups["name"].Value);
        var message = match.Groups["value"].Success
            ? $"{field} must be {Expected(match.Groups["type"].Value)}; got \"{match.Groups["value"].Value}\"."
            : $"{field} is required.";
        return new ApiError("Invalid input", message, [new ValidationError(field, message)]);
    }

    private static string Expected(string type) => type.TrimEnd('?') switch
    {
        "int" => $"a whole number from {int.MinValue} to {int.MaxValue}",
        "long" => $"a whole number from {long.MinValue} to {long.MaxValue}",
        "double" or "float" or "decimal" => "a number",
        "bool" => "true or false",
        "DateTimeOffset" or "DateTime" => "an ISO-8601 time such as 2026-01-15T10:30:00Z",
        _ => "a valid value",
    };

    [GeneratedRegex("""parameter "(?<type>[^"]+) (?<name>[^" ]+)"(?: from "(?<value>.*)"\.)?""", RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex ParameterPattern();

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled exception answering {Method} {Path}")]
    private static partial void LogUnhandled(ILogger logger, Exception exception, string method, string path);
}
