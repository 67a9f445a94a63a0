using Dashboard.Core.Alerts;
using Dashboard.Data.Entities;
using Dashboard.Data.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dashboard.Data.EntityConfigurations;

public sealed class PerformanceAlertConfiguration : IEntityTypeConfiguration<PerformanceAlert>
{
    public void Configure(EntityTypeBuilder<PerformanceAlert> builder)
    {
        builder.ToTable("performance_alerts");
        builder.HasKey(alert => alert.Id);
        builder.Property(alert => alert.AlertType).HasMaxLength(64);
        builder.Property(alert => alert.Scope).HasMaxLength(160);
        builder.Property(alert => alert.Severity).HasConversion<LowerCaseEnumConverter<AlertSeverity>>().HasMaxLength(16);
        builder.Property(alert => alert.Status).HasConversion<LowerCaseEnumConverter<AlertStatus>>().HasMaxLength(16);
        builder.Property(alert => alert.AcknowledgedBy).HasMaxLength(128);
        builder.Property(alert => alert.Note).HasMaxLength(2000);
        builder.Property(alert => alert.RuleId).HasMaxLength(64);
        builder.HasIndex(alert => new { alert.Status, alert.TriggeredAt });
        // One open alert per rule, even with several instances evaluating the same polls.
        builder.HasIndex(alert => alert.RuleId).IsUnique().HasFilter("status <> 'resolved'").HasDatabaseName("ux_performance_alerts_open_rule");
    }
}
