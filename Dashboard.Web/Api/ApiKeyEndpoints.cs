using Dashboard.Web.Api.Contracts;
using Dashboard.Web.Auth;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Api;

/// <summary>Keys for machines, for admins and <c>admin</c> keys: make one (its secret answered once), list, revoke.</summary>
public static class ApiKeyEndpoints
{
    public static RouteGroupBuilder MapApiKeyEndpoints(this RouteGroupBuilder group)
    {
        group.MapGet("/api-keys", ListAsync).WithSummary("The keys admins made: prefixes, scopes, last use, never the secrets");
        group.MapPost("/api-keys", CreateAsync)
            .Produces<ApiEnvelope<ApiKeyData>>(StatusCodes.Status201Created)
            .Produces<ApiError>(StatusCodes.Status400BadRequest)
            .WithSummary("Make a key: {name, scopes: [ingest|read|admin], expires_at?}; data.key holds the secret, shown only here");
        group.MapDelete("/api-keys/{id:long}", RevokeAsync)
            .Produces<ApiEnvelope<ApiKeyData>>()
            .Produces<ApiError>(StatusCodes.Status404NotFound)
            .WithSummary("Revoke a key: refused here at once, on every instance within one poll interval");
        return group;
    }

    private static async Task<IResult> ListAsync(ApiKeyIssuer keys, CancellationToken cancellationToken) =>
        ApiResults.Ok((await keys.ListAsync(cancellationToken)).Select(ApiKeyData.From).ToList());

    private static async Task<IResult> CreateAsync(
        HttpRequest request, ApiKeyIssuer keys, IOptions<JsonOptions> json, CancellationToken cancellationToken)
    {
        var (body, error) = await JsonBody.ReadAsync<ApiKeyRequest>(request, 16 * 1024, json.Value.SerializerOptions, cancellationToken);
        if (error is not null)
        {
            return error;
        }

        var (key, secret, errors) = await keys.CreateAsync(
            body!.Name, body.Scopes, body.ExpiresAt, request.HttpContext.User.Identity!.Name!, cancellationToken);
        return key is null
            ? ApiResults.Invalid(errors)
            : TypedResults.Json(new ApiEnvelope<ApiKeyData>(ApiKeyData.From(key) with { Key = secret }), statusCode: StatusCodes.Status201Created);
    }

    private static async Task<IResult> RevokeAsync(long id, ApiKeyIssuer keys, CancellationToken cancellationToken) =>
        await keys.RevokeAsync(id, cancellationToken) is { } key
            ? ApiResults.Ok(ApiKeyData.From(key))
            : ApiResults.Error(StatusCodes.Status404NotFound, "Key not found", $"There is no key {id}.");
}
