using Dashboard.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dashboard.Data.EntityConfigurations;

public sealed class ConcurrentUsersHistoryConfiguration : UsageRowConfiguration<ConcurrentUsersHistory>
{
    public override void Configure(EntityTypeBuilder<ConcurrentUsersHistory> builder)
    {
        base.Configure(builder);
        builder.ToTable("concurrent_users_history");
        builder.HasIndex(row => new { row.Granularity, row.BucketStart }).IsUnique();
    }
}
