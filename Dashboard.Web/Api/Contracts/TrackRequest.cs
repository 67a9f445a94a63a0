using System.Text.Json.Serialization;
using Dashboard.Core.Tracking;

namespace Dashboard.Web.Api.Contracts;

/// <summary>The spec's track body. Its names are camelCase as in the spec, whatever the response naming is.</summary>
public record TrackRequest
{
    [JsonPropertyName("userId")]
    public string? UserId { get; init; }

    [JsonPropertyName("organizationId")]
    public string? OrganizationId { get; init; }

    [JsonPropertyName("sessionId")]
    public string? SessionId { get; init; }

    [JsonPropertyName("moduleId")]
    public string? ModuleId { get; init; }

    [JsonPropertyName("userAgent")]
    public string? UserAgent { get; init; }

    [JsonPropertyName("ipAddress")]
    public string? IpAddress { get; init; }

    [JsonPropertyName("responseTimeMs")]
    public double? ResponseTimeMs { get; init; }

    [JsonPropertyName("isError")]
    public bool? IsError { get; init; }

    [JsonPropertyName("isActive")]
    public bool? IsActive { get; init; }

    /// <summary>Missing ids become empty, so the validator reports them as required.</summary>
    public ActivityEvent ToActivity() => new()
    {
        UserId = UserId ?? "",
        OrganizationId = OrganizationId ?? "",
        SessionId = SessionId ?? "",
        ModuleId = ModuleId ?? "",
        UserAgent = UserAgent,
        IpAddress = IpAddress,
        ResponseTimeMs = ResponseTimeMs,
        IsError = IsError,
        IsActive = IsActive ?? true,
    };
}
