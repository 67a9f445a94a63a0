namespace Dashboard.Core.Leases;

/// <summary>Settings of the job leases (<c>Dashboard:Leases</c>).</summary>
public sealed class LeaseOptions
{
    public const string SectionName = "Dashboard:Leases";

    /// <summary>
    /// How long a lease lasts without renewal: an instance that dies hands its jobs over within this, plus the time the
    /// next instance takes to ask (at most a renew interval or a poll).
    /// </summary>
    public TimeSpan Duration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Held leases are renewed at a third of their duration, so one failed renewal does not lose them.</summary>
    public TimeSpan RenewInterval => Duration / 3;
}
