using Dashboard.Core.Alerts;
using Dashboard.Data.Entities.Views;
using Dashboard.Data.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dashboard.Data.EntityConfigurations;

public sealed class PerformanceAlertsSummaryConfiguration : IEntityTypeConfiguration<PerformanceAlertsSummary>
{
    public void Configure(EntityTypeBuilder<PerformanceAlertsSummary> builder)
    {
        builder.HasNoKey().ToView("performance_alerts_summary");
        builder.Property(summary => summary.Severity).HasConversion<LowerCaseEnumConverter<AlertSeverity>>();
    }
}
