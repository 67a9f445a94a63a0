using Dashboard.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dashboard.Data.EntityConfigurations;

public sealed class ModuleUsageTrackingConfiguration : UsageRowConfiguration<ModuleUsageTracking>
{
    public override void Configure(EntityTypeBuilder<ModuleUsageTracking> builder)
    {
        base.Configure(builder);
        builder.ToTable("module_usage_tracking");
        builder.Property(row => row.ModuleId).HasMaxLength(MaxIdLength);
        builder.Property(row => row.LatencyP50Ms).HasColumnName("latency_p50_ms");
        builder.Property(row => row.LatencyP95Ms).HasColumnName("latency_p95_ms");
        builder.Property(row => row.LatencyP99Ms).HasColumnName("latency_p99_ms");
        // The key of the upsert, and the index of one module's range queries.
        builder.HasIndex(row => new { row.Granularity, row.ModuleId, row.BucketStart }).IsUnique();
        // Rollups and retention read every module of a bucket.
        builder.HasIndex(row => new { row.Granularity, row.BucketStart });
    }
}
