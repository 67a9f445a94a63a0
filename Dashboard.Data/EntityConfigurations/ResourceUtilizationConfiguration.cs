using Dashboard.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dashboard.Data.EntityConfigurations;

public sealed class ResourceUtilizationConfiguration : IEntityTypeConfiguration<ResourceUtilization>
{
    public void Configure(EntityTypeBuilder<ResourceUtilization> builder)
    {
        builder.ToTable("resource_utilization");
        builder.HasKey(resource => resource.Id);
        builder.Property(resource => resource.InstanceId).HasMaxLength(UsageRowConfiguration<ModuleUsageTracking>.MaxIdLength);
        builder.HasIndex(resource => new { resource.InstanceId, resource.BucketStart }).IsUnique();
        builder.HasIndex(resource => resource.BucketStart);
    }
}
