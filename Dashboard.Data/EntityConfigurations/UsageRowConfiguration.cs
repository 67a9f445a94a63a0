using Dashboard.Data.Entities;
using Dashboard.Data.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dashboard.Data.EntityConfigurations;

/// <summary>The columns every users-over-time table shares; each table adds its scope and its own columns.</summary>
public abstract class UsageRowConfiguration<TRow> : IEntityTypeConfiguration<TRow>
    where TRow : UsageRow
{
    public const int MaxIdLength = 128;

    public virtual void Configure(EntityTypeBuilder<TRow> builder)
    {
        builder.HasKey(row => row.Id);
        builder.Property(row => row.Granularity).HasConversion<LowerCaseEnumConverter<HistoryGranularity>>().HasMaxLength(8);
    }
}
