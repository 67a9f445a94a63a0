using Dashboard.Web.Api.Contracts;
using Dashboard.Web.Auth;
using Microsoft.AspNetCore.Http.HttpResults;
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
            .AcceptsJson<ApiKeyRequest>()
            .WithSummary("Make a key: {name, scopes: [ingest|read|admin], expires_at?}, or a site key for the tracker snippet: "
                + "{name, type: site, allowed_origins: [https://app.example.com], require_signed_users?}; data.key (and a site key's "
                + "data.signing_secret) are shown only here");
        group.MapDelete("/api-keys/{id:long}", RevokeAsync)
            .WithSummary("Revoke a key: refused here at once, on every instance within one poll interval");
        return group;
    }

    private static async Task<Ok<ApiEnvelope<List<ApiKeyData>>>> ListAsync(ApiKeyIssuer keys, CancellationToken cancellationToken) =>
        ApiResults.Ok((await keys.ListAsync(cancellationToken)).Select(ApiKeyData.From).ToList());

    private static async Task<Results<Created<ApiEnvelope<ApiKeyData>>, BadRequest<ApiError>, JsonHttpResult<ApiError>>> CreateAsync(
        HttpRequest request, ApiKeyIssuer keys, IOptions<JsonOptions> json, CancellationToken cancellationToken)
    {
        var body = await JsonBody.ReadAsync<ApiKeyRequest>(request, 16 * 1024, json.Value.SerializerOptions, cancellationToken);
        if (!body.Succeeded)
        {
            return body.Error;
        }

        var (value, me) = (body.Value, AuditActors.Of(request.HttpContext));
        var (key, secret, errors) = value.Type == ApiKeyType.Site
            ? await keys.CreateSiteAsync(value.Name, value.AllowedOrigins, value.RequireSignedUsers ?? false, value.ExpiresAt, me, cancellationToken)
            : await keys.CreateAsync(value.Name, value.Scopes, value.ExpiresAt, me, cancellationToken);
        return key is null
            ? ApiResults.Invalid(errors)
            // No Location: a key is read through the list, not at an address of its own.
            : TypedResults.Created((string?)null, new ApiEnvelope<ApiKeyData>(
                ApiKeyData.From(key) with { Key = secret, SigningSecret = key.SigningSecret }));
    }

    private static async Task<Results<Ok<ApiEnvelope<ApiKeyData>>, NotFound<ApiError>>> RevokeAsync(
        long id, HttpContext http, ApiKeyIssuer keys, CancellationToken cancellationToken) =>
        await keys.RevokeAsync(id, AuditActors.Of(http), cancellationToken) is { } key
            ? ApiResults.Ok(ApiKeyData.From(key))
            : ApiResults.NotFound("Key not found", $"There is no key {id}.");
}
