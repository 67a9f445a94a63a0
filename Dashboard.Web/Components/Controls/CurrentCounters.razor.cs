using Dashboard.Core.Configuration;
using Dashboard.Core.Tracking;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Components.Controls;

/// <summary>The platform's users and sessions at the poll the viewer sees.</summary>
public sealed partial class CurrentCounters
{
    [Inject]
    public required IOptions<TrackingOptions> Tracking { get; init; }

    private LiveSnapshot? Snapshot => State.Current?.Snapshot;

    private int WindowSeconds => (int)Tracking.Value.ActivityWindow.TotalSeconds;
}
