using Dashboard.Data.Entities.Views;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dashboard.Data.EntityConfigurations;

public sealed class OrganizationUsageSummaryConfiguration : IEntityTypeConfiguration<OrganizationUsageSummary>
{
    public void Configure(EntityTypeBuilder<OrganizationUsageSummary> builder) =>
        builder.HasNoKey().ToView("organization_usage_summary");
}
