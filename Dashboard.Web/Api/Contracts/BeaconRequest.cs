using System.Text.Json.Serialization;

namespace Dashboard.Web.Api.Contracts;

/// <summary>
/// A page's beacon (<c>POST beacon</c>, sent by <c>tracker.js</c>): the track body, plus the user id's signature when the
/// site key requires signed users. <c>userAgent</c> and <c>ipAddress</c> are taken from the request, never from the page.
/// </summary>
public sealed record BeaconRequest : TrackRequest
{
    /// <summary>The hex HMAC-SHA256 of <c>userId</c> with the site key's signing secret, computed by the platform's server.</summary>
    [JsonPropertyName("userSignature")]
    public string? UserSignature { get; init; }
}
