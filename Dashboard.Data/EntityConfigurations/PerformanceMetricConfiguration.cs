using Dashboard.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dashboard.Data.EntityConfigurations;

public sealed class PerformanceMetricConfiguration : IEntityTypeConfiguration<PerformanceMetric>
{
    public void Configure(EntityTypeBuilder<PerformanceMetric> builder)
    {
        builder.ToTable("performance_metrics");
        builder.HasKey(metric => metric.Id);
        builder.Property(metric => metric.ModuleId).HasMaxLength(UsageRowConfiguration<ModuleUsageTracking>.MaxIdLength);
        builder.Property(metric => metric.P50Ms).HasColumnName("p50_ms");
        builder.Property(metric => metric.P95Ms).HasColumnName("p95_ms");
        builder.Property(metric => metric.P99Ms).HasColumnName("p99_ms");
        builder.HasIndex(metric => new { metric.ModuleId, metric.BucketStart }).IsUnique();
        builder.HasIndex(metric => metric.BucketStart);
    }
}
