using System.ComponentModel.DataAnnotations;
using System.Reflection;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc.Infrastructure;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Dashboard.Web.Api;

/// <summary>
/// Publishes a parameter's <see cref="AllowedValuesAttribute"/> as its schema's enum, which the OpenAPI generator
/// leaves out, so that the document lists the values the endpoint accepts (format=json|csv, status, severity).
/// </summary>
public sealed class AllowedValuesTransformer : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        foreach (var description in context.Description.ParameterDescriptions)
        {
            if (description.ParameterDescriptor is IParameterInfoParameterDescriptor { ParameterInfo: var info }
                && info.GetCustomAttribute<AllowedValuesAttribute>() is { } allowed
                && operation.Parameters?.FirstOrDefault(parameter => parameter.Name == description.Name)?.Schema is OpenApiSchema schema)
            {
                schema.Enum = [.. allowed.Values.Select(value => (JsonNode)JsonValue.Create(value?.ToString())!)];
            }
        }

        return Task.CompletedTask;
    }
}
