using Dashboard.Core.Configuration;

namespace Dashboard.Web.Demo;

/// <summary>Whether this instance makes up traffic, so the UI can say that what it shows is demo data.</summary>
public sealed record DemoMode(bool IsOn)
{
    public static DemoMode Decide(IConfiguration configuration, IHostEnvironment environment)
    {
        var enabled = configuration.GetSection(DemoOptions.SectionName).Get<DemoOptions>()?.Enabled;
        var embedded = string.Equals(
            configuration[TrackingServiceCollectionExtensions.LiveStoreKey] ?? nameof(LiveStoreKind.InProcess),
            nameof(LiveStoreKind.InProcess),
            StringComparison.OrdinalIgnoreCase);
        return new DemoMode(enabled ?? (environment.IsDevelopment() && embedded));
    }
}
