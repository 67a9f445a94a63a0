namespace Dashboard.Core.Alerts;

/// <summary>Where an alert is in its life: raised, seen by a person, or over.</summary>
public enum AlertStatus
{
    Active,
    Acknowledged,
    Resolved,
}
