using Dashboard.Data.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dashboard.Data.EntityConfigurations;

public sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.ToTable("audit_log");
        builder.HasKey(entry => entry.Id);
        builder.Property(entry => entry.Actor).HasMaxLength(AuditActor.MaxNameLength);
        builder.Property(entry => entry.Action).HasMaxLength(32);
        builder.Property(entry => entry.Target).HasMaxLength(256);
        builder.Property(entry => entry.ClientAddress).HasMaxLength(64);
        // The page and the API read newest first, filtered by time; retention deletes oldest first.
        builder.HasIndex(entry => entry.At);
        builder.HasIndex(entry => new { entry.Actor, entry.At });
    }
}
