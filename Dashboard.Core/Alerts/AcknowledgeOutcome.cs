namespace Dashboard.Core.Alerts;

/// <summary>What became of an acknowledgement.</summary>
public enum AcknowledgeOutcome
{
    Acknowledged,
    NotFound,

    /// <summary>Only an active alert can be acknowledged; this one was acknowledged already or is resolved.</summary>
    NotActive,
}
