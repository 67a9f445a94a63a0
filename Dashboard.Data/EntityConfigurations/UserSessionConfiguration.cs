using Dashboard.Core.Tracking;
using Dashboard.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dashboard.Data.EntityConfigurations;

public sealed class UserSessionConfiguration : IEntityTypeConfiguration<UserSession>
{
    // The longest text form of an IPv6 address (with an embedded IPv4 one).
    public const int MaxIpAddressLength = 45;

    public void Configure(EntityTypeBuilder<UserSession> builder)
    {
        builder.ToTable("user_sessions");
        builder.HasKey(session => session.Id);
        builder.Property(session => session.SessionId).HasMaxLength(ActivityValidator.MaxIdLength);
        builder.Property(session => session.UserId).HasMaxLength(ActivityValidator.MaxIdLength);
        builder.Property(session => session.OrganizationId).HasMaxLength(ActivityValidator.MaxIdLength);
        builder.Property(session => session.ModuleId).HasMaxLength(ActivityValidator.MaxIdLength);
        builder.Property(session => session.UserAgent).HasMaxLength(ActivityValidator.MaxUserAgentLength);
        builder.Property(session => session.IpAddress).HasMaxLength(MaxIpAddressLength);
        builder.HasIndex(session => session.SessionId).IsUnique();
        // Closing sessions past their TTL, and the current_active_sessions view.
        builder.HasIndex(session => new { session.IsActive, session.LastActivityAt });
        builder.HasIndex(session => session.UserId);
        builder.HasIndex(session => session.OrganizationId);
    }
}
