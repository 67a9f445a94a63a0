using System.Text.Json;
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
    public static async Task<(T? Value, IResult? Error)> ReadAsync<T>(
        HttpRequest request, long maxBytes, JsonSerializerOptions options, CancellationToken cancellationToken)
        where T : class
    {
        if (!request.HasJsonContentType())
        {
            return (null, ApiResults.Error(StatusCodes.Status415UnsupportedMediaType, "Unsupported content type",
                $"Send the body as application/json; got \"{request.ContentType ?? "none"}\"."));
        }

        if (request.ContentLength > maxBytes)
        {
            return (null, TooLarge(maxBytes));
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
                ? (null, ApiResults.BadRequest("Malformed JSON", "The body is empty or null."))
                : (value, null);
        }
        catch (JsonException exception)
        {
            return (null, ApiResults.BadRequest("Malformed JSON", exception.Message));
        }
        catch (BadHttpRequestException exception) when (exception.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (null, TooLarge(maxBytes));
        }
    }

    private static JsonHttpResult<ApiError> TooLarge(long maxBytes) =>
        ApiResults.Error(StatusCodes.Status413PayloadTooLarge, "Request body too large", $"The limit is {maxBytes / 1024} KB.");
}
