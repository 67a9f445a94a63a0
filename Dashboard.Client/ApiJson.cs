using System.Text.Json;
using System.Text.Json.Serialization;

namespace Dashboard.Client;

/// <summary>The API's two JSON dialects: camelCase request bodies (as the spec's track body) and snake_case responses.</summary>
public static class ApiJson
{
    public static JsonSerializerOptions Requests { get; } = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static JsonSerializerOptions Responses { get; } = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
    };
}
