using Dashboard.Web.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Dashboard.Web.Api;

/// <summary>
/// Declares how callers prove who they are (a key in <c>X-Api-Key</c> or as a bearer token, or the sign-in cookie;
/// a site key in the query for beacons) and, on each operation, which of them it takes.
/// </summary>
public sealed class SecuritySchemesTransformer : IOpenApiDocumentTransformer, IOpenApiOperationTransformer
{
    public const string ApiKey = "apiKey";
    public const string Bearer = "bearer";
    public const string Cookie = "cookie";
    public const string SiteKey = "siteKey";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes = new Dictionary<string, IOpenApiSecurityScheme>
        {
            [ApiKey] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey, In = ParameterLocation.Header, Name = AuthSchemes.ApiKeyHeader,
                Description = "A key for machines; its scopes (ingest, read, admin, metrics) decide what it may call.",
            },
            [Bearer] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http, Scheme = "bearer", Description = "The same key as \"Authorization: Bearer KEY\".",
            },
            [Cookie] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey, In = ParameterLocation.Cookie, Name = AuthSchemes.CookieName,
                Description = "A person signed in on /login; their role (viewer or admin) decides what they may call.",
            },
            [SiteKey] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey, In = ParameterLocation.Query, Name = "key",
                Description = "A public site key: beacons only, from the key's allowed origins.",
            },
        };
        return Task.CompletedTask;
    }

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        // Alternatives: any one of the requirements listed satisfies the operation.
        string[] schemes = context.Description.ActionDescriptor.EndpointMetadata.OfType<IAllowAnonymous>().Any()
            ? [SiteKey]
            : [ApiKey, Bearer, Cookie];
        operation.Security = [.. schemes.Select(scheme => new OpenApiSecurityRequirement
        {
            [new OpenApiSecuritySchemeReference(scheme, context.Document)] = [],
        })];
        return Task.CompletedTask;
    }
}
