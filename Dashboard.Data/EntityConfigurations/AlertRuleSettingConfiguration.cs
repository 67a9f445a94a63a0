using Dashboard.Core.Alerts;
using Dashboard.Data.Entities;
using Dashboard.Data.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dashboard.Data.EntityConfigurations;

public sealed class AlertRuleSettingConfiguration : IEntityTypeConfiguration<AlertRuleSetting>
{
    public void Configure(EntityTypeBuilder<AlertRuleSetting> builder)
    {
        builder.ToTable("alert_rules");
        builder.HasKey(rule => rule.Id);
        builder.Property(rule => rule.Id).HasMaxLength(64);
        builder.Property(rule => rule.Kind).HasConversion<LowerCaseEnumConverter<AlertKind>>().HasMaxLength(32);
        builder.Property(rule => rule.Scope).HasMaxLength(160);
        builder.Property(rule => rule.Severity).HasConversion<LowerCaseEnumConverter<AlertSeverity>>().HasMaxLength(16);
        builder.Property(rule => rule.UpdatedBy).HasMaxLength(128);
    }
}
