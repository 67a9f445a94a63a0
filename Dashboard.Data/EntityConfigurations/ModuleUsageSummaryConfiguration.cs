using Dashboard.Data.Entities.Views;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dashboard.Data.EntityConfigurations;

public sealed class ModuleUsageSummaryConfiguration : IEntityTypeConfiguration<ModuleUsageSummary>
{
    public void Configure(EntityTypeBuilder<ModuleUsageSummary> builder) =>
        builder.HasNoKey().ToView("module_usage_summary");
}
