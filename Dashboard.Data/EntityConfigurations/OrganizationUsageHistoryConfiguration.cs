using Dashboard.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dashboard.Data.EntityConfigurations;

public sealed class OrganizationUsageHistoryConfiguration : UsageRowConfiguration<OrganizationUsageHistory>
{
    public override void Configure(EntityTypeBuilder<OrganizationUsageHistory> builder)
    {
        base.Configure(builder);
        builder.ToTable("organization_usage_history");
        builder.Property(row => row.OrganizationId).HasMaxLength(MaxIdLength);
        // The key of the upsert, and the index of one organization's range queries.
        builder.HasIndex(row => new { row.Granularity, row.OrganizationId, row.BucketStart }).IsUnique();
        // Rollups and retention read every organization of a bucket.
        builder.HasIndex(row => new { row.Granularity, row.BucketStart });
    }
}
