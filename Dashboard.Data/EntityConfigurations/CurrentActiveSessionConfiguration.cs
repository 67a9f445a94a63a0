using Dashboard.Data.Entities.Views;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dashboard.Data.EntityConfigurations;

public sealed class CurrentActiveSessionConfiguration : IEntityTypeConfiguration<CurrentActiveSession>
{
    public void Configure(EntityTypeBuilder<CurrentActiveSession> builder) =>
        builder.HasNoKey().ToView("current_active_sessions");
}
