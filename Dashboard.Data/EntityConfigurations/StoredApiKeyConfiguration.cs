using Dashboard.Data.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dashboard.Data.EntityConfigurations;

public sealed class StoredApiKeyConfiguration : IEntityTypeConfiguration<StoredApiKey>
{
    public void Configure(EntityTypeBuilder<StoredApiKey> builder)
    {
        builder.ToTable("api_keys");
        builder.HasKey(key => key.Id);
        builder.Property(key => key.Name).HasMaxLength(64);
        builder.Property(key => key.Prefix).HasMaxLength(16);
        builder.Property(key => key.Hash).HasMaxLength(64);
        builder.HasIndex(key => key.Hash).IsUnique();
        builder.Property(key => key.Scopes).HasMaxLength(32);
        builder.Property(key => key.CreatedBy).HasMaxLength(128);
        builder.Property(key => key.AllowedOrigins).HasMaxLength(2048);
        builder.Property(key => key.SigningSecret).HasMaxLength(64);
    }
}
