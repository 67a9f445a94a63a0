using Dashboard.Data.Audit;
using Dashboard.Data.Entities;
using Dashboard.Data.Entities.Views;
using Dashboard.Data.Identity;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Data;

/// <summary>
/// The history database: sessions, users over time per scope, performance, resources and alerts, the four
/// summary views, the people who sign in (ASP.NET Core Identity's user tables), the API keys admins made, the audit trail
/// of what they did and, when the live store is in-process, the data-protection keys every instance shares (so a cookie
/// from one is good on another). One model for both providers; <see cref="SqliteHistoryDbContext"/> and
/// <see cref="PostgresHistoryDbContext"/> only say which provider's migrations apply.
/// </summary>
public abstract class HistoryDbContext : IdentityUserContext<DashboardUser>, IDataProtectionKeyContext
{
    protected HistoryDbContext(DbContextOptions options)
        : base(options)
    {
    }

    public DbSet<UserSession> UserSessions => Set<UserSession>();

    public DbSet<ConcurrentUsersHistory> ConcurrentUsersHistory => Set<ConcurrentUsersHistory>();

    public DbSet<ModuleUsageTracking> ModuleUsageTracking => Set<ModuleUsageTracking>();

    public DbSet<OrganizationUsageHistory> OrganizationUsageHistory => Set<OrganizationUsageHistory>();

    public DbSet<PerformanceMetric> PerformanceMetrics => Set<PerformanceMetric>();

    public DbSet<ResourceUtilization> ResourceUtilization => Set<ResourceUtilization>();

    public DbSet<PerformanceAlert> PerformanceAlerts => Set<PerformanceAlert>();

    public DbSet<AlertRuleSetting> AlertRules => Set<AlertRuleSetting>();

    public DbSet<StoredApiKey> ApiKeys => Set<StoredApiKey>();

    public DbSet<AuditEntry> AuditLog => Set<AuditEntry>();

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<CurrentActiveSession> CurrentActiveSessions => Set<CurrentActiveSession>();

    public DbSet<ModuleUsageSummary> ModuleUsageSummaries => Set<ModuleUsageSummary>();

    public DbSet<OrganizationUsageSummary> OrganizationUsageSummaries => Set<OrganizationUsageSummary>();

    public DbSet<PerformanceAlertsSummary> PerformanceAlertsSummaries => Set<PerformanceAlertsSummary>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(HistoryDbContext).Assembly);
    }
}
