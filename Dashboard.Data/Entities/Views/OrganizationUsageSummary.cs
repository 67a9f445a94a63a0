namespace Dashboard.Data.Entities.Views;

/// <summary>A row of the organization_usage_summary view: one organization over the last 24 hours, and its open sessions.</summary>
public sealed class OrganizationUsageSummary
{
    public required string OrganizationId { get; set; }

    public long PeakUsers { get; set; }

    /// <summary>Time-weighted over the whole 24 hours: minutes without the organization count zero.</summary>
    public double AvgUsers { get; set; }

    public DateTimeOffset LastSeenAt { get; set; }

    public long ActiveSessions { get; set; }
}
