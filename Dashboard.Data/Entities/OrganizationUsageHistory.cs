namespace Dashboard.Data.Entities;

/// <summary>One organization's users per minute and per hour, for the drill-down charts (organization_usage_history).</summary>
public sealed class OrganizationUsageHistory : UsageRow
{
    public required string OrganizationId { get; set; }
}
