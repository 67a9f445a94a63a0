using Dashboard.Data.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dashboard.Data.EntityConfigurations;

public sealed class DashboardUserConfiguration : IEntityTypeConfiguration<DashboardUser>
{
    public void Configure(EntityTypeBuilder<DashboardUser> builder) => builder.Property(user => user.Role).HasMaxLength(16);
}
