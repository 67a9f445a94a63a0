namespace Dashboard.Data.Entities;

/// <summary>Where an alert is in its life: raised, seen by a person, or over; stored in lower case.</summary>
public enum AlertStatus
{
    Active,
    Acknowledged,
    Resolved,
}
