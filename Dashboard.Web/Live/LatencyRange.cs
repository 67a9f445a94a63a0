using Dashboard.Ranges;

namespace Dashboard.Web.Live;

/// <summary>The response times of a range, and the range as parsed (null when it was refused), for its chart's axis.</summary>
public sealed record LatencyRange(TimeRange? Range, IReadOnlyList<LatencyMinute> Minutes);
