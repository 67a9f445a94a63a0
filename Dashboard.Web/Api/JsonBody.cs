using System.Text.Json;
using Dashboard.Core.Tracking;
using Dashboard.Web.Api.Contracts;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dashboard.Web.Api;

/// <summary>
/// Reads a JSON request body with the checks the API promises: JSON content type (415), a size limit (413) and
/// well-formed JSON (400), each answered with the error envelope instead of the framework's bare status.
/// </summary>
public static class JsonBody
{
    /// <summary>Declares the body and every answer <see cref="ReadAsync"/> can give, for the OpenAPI document.</summary>
    public static RouteHandlerBuilder AcceptsJson<T>(this RouteHandlerBuilder endpoint)
        where T : class =>
        endpoint.Accepts<T>("application/json")
            .Produces<ApiError>(StatusCodes.Status400BadRequest)
            .Produces<ApiError>(StatusCodes.Status413PayloadTooLarge)
            .Produces<ApiError>(StatusCodes.Status415UnsupportedMediaType);

    /// <summary>
    /// Reads the body as <typeparamref name="T"/>; <paramref name="plainText"/> also takes JSON sent as <c>text/plain</c>,
    /// as a page's beacon does (a text/plain POST needs no CORS preflight).
    /// </summary>
    public static async Task<JsonBodyRead<T>> ReadAsync<T>(
        HttpRequest request, long maxBytes, JsonSerializerOptions options, CancellationToken cancellationToken, bool plainText = false)
        where T : class
    {
        if (!request.HasJsonContentType() && !(plainText && IsPlainText(request)))
        {
            return new JsonBodyRead<T>(ApiResults.Error(StatusCodes.Status415UnsupportedMediaType, "Unsupported content type",
                $"Send the body as {(plainText ? "text/plain or application/json" : "application/json")}; got \"{request.ContentType ?? "none"}\"."));
        }

        if (request.ContentLength > maxBytes)
        {
            return new JsonBodyRead<T>(TooLarge(maxBytes));
        }

        // A chunked body has no Content-Length: the server stops reading it at the limit instead.
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = maxBytes;
        }

        try
        {
            var value = await JsonSerializer.DeserializeAsync<T>(request.Body, options, cancellationToken);
            return value is null
                ? new JsonBodyRead<T>(Malformed("The body is empty or null."))
                : new JsonBodyRead<T>(value);
        }
        catch (JsonException exception)
        {
            return new JsonBodyRead<T>(Describe(exception, typeof(T), options));
        }
        catch (BadHttpRequestException exception) when (exception.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return new JsonBodyRead<T>(TooLarge(maxBytes));
        }
    }

    private static bool IsPlainText(HttpRequest request) =>
        Microsoft.Net.Http.Headers.MediaTypeHeaderValue.TryParse(request.ContentType, out var type)
        && type.MediaType.Equals("text/plain", StringComparison.OrdinalIgnoreCase);

    // The serializer's message names .NET types ("could not be converted to System.Nullable`1[System.Boolean]"): the
    // field it stopped at is looked up in the request type and said in the API's words instead.
    private static JsonHttpResult<ApiError> Describe(JsonException exception, Type body, JsonSerializerOptions options)
    {
        var field = exception.Path is { Length: > 2 } path && path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : null;
        // A syntax error comes from the reader, wrapped; a value of the wrong type is the serializer's own.
        var wrongType = exception.InnerException is not JsonException;
        if (wrongType && field is not null && TypeAt(body, field, options) is { } type)
        {
            var error = new ValidationError(field, $"{field} must be {Expected(type)}.");
            return TypedResults.Json(new ApiError("Invalid input", error.Message, [error]), statusCode: StatusCodes.Status400BadRequest);
        }

        var where = exception.LineNumber is { } line && exception.BytePositionInLine is { } position
            ? $" (line {line + 1}, byte {position + 1})"
            : "";
        return Malformed(field is null
            ? $"The body must be one JSON object{where}."
            : $"The body is not valid JSON at {field}{where}.");
    }

    // Follows a path such as "activities[3].isActive" through the request type's JSON contract.
    private static Type? TypeAt(Type type, string path, JsonSerializerOptions options)
    {
        foreach (var segment in path.Split('.'))
        {
            var name = segment.Split('[')[0];
            var property = options.GetTypeInfo(type).Properties.FirstOrDefault(candidate => candidate.Name == name);
            if (property is null)
            {
                return null;
            }

            type = property.PropertyType;
            for (var index = segment.IndexOf('[', StringComparison.Ordinal); index >= 0; index = segment.IndexOf('[', index + 1))
            {
                if (options.GetTypeInfo(type).ElementType is not { } element)
                {
                    return null;
                }

                type = element;
            }
        }

        return Nullable.GetUnderlyingType(type) ?? type;
    }

    private static string Expected(Type type) => type switch
    {
        _ when type == typeof(bool) => "true or false",
        _ when type == typeof(string) => "a string",
        _ when type == typeof(int) || type == typeof(long) => "a whole number",
        _ when type == typeof(double) || type == typeof(decimal) => "a number",
        _ when type.IsEnum => $"one of: {string.Join(", ", Enum.GetNames(type).Select(JsonNamingPolicy.SnakeCaseLower.ConvertName))}",
        _ when type != typeof(string) && type.IsAssignableTo(typeof(System.Collections.IEnumerable)) => "an array",
        _ => "an object",
    };

    private static JsonHttpResult<ApiError> Malformed(string details) =>
        ApiResults.Error(StatusCodes.Status400BadRequest, "Malformed JSON", details);

    private static JsonHttpResult<ApiError> TooLarge(long maxBytes) =>
        ApiResults.Error(StatusCodes.Status413PayloadTooLarge, "Request body too large", $"The limit is {maxBytes / 1024} KB.");
}
