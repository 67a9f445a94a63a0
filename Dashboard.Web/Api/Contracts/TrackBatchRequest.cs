using System.Text.Json.Serialization;

namespace Dashboard.Web.Api.Contracts;

/// <summary>Up to 1,000 activities, accepted or refused as a whole.</summary>
public sealed record TrackBatchRequest
{
    [JsonPropertyName("activities")]
    public IReadOnlyList<TrackRequest>? Activities { get; init; }
}
