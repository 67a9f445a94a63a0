using System.Text.Json;

namespace Dashboard.Client;

/// <summary>A response's <c>data</c>, both typed and as the server sent it (for callers that pass JSON on).</summary>
public sealed record ApiData<T>(T Value, JsonElement Json);
